// Runs saved alerts: searches the documents ingested after each alert's watermark, records the
// new notifications, delivers them (JSONL, webhook), then moves the watermark.
//
// Order of a run, chosen so that a crash at any point loses nothing and repeats at most one
// delivery: (1) search, a page at a time in ingest order (each page starts after the last
// sequence of the one before, so there is no deepest page: every match is seen however many);
// (2) record each page's notifications as pending and their documents as delivered, in one
// transaction; (3) per channel, deliver what is pending, then mark it done; (4) move the
// watermark, which therefore never passes an unrecorded match. A re-run after a crash before
// (2) finds the same documents again; after (2) it finds them in the delivered set and only
// drains what is still pending. Every notification carries an idempotency key (the same on
// every retry), the JSONL file records its size before an append so a re-run appends no line
// twice, and webhooks go through a WebhookDispatcher so a dead receiver stalls no other alert.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alerts/dispatcher.h"
#include "alerts/store.h"
#include "alerts/webhook.h"
#include "searcher/search.h"

namespace rasd {
class Searcher;
}

namespace rasd::alerts {

/// What the runner needs from an index; implemented over Searcher, and by fakes in tests.
class AlertIndex {
 public:
  virtual ~AlertIndex() = default;
  /// Picks up documents committed since the last call.
  virtual void refresh() = 0;
  virtual std::uint64_t last_sequence() = 0;
  virtual SearchResult search(const SearchRequest& request) = 0;
  /// The ids of the other documents in the copy cluster of document `id`, earliest ingest first.
  virtual std::vector<std::string> copies_of(const std::string& /*id*/) { return {}; }
};

/// AlertIndex over a Searcher.
class SearcherIndex : public AlertIndex {
 public:
  explicit SearcherIndex(Searcher& searcher) : searcher_(searcher) {}
  void refresh() override;
  std::uint64_t last_sequence() override;
  SearchResult search(const SearchRequest& request) override;
  std::vector<std::string> copies_of(const std::string& id) override;

 private:
  Searcher& searcher_;
};

/// Steps of a run where tests make the process exit, to prove crash safety.
enum class CrashPoint { Search, Record, Jsonl, JsonlMark, Webhook, WebhookMark, Watermark };

/// Parses "search", "record", "jsonl", "jsonl-mark", "webhook", "webhook-mark", "watermark"
/// (the values of RASD_ALERTS_CRASH_AT); throws InvalidInput.
CrashPoint parse_crash_point(const std::string& name);

struct RunnerConfig {
  WebhookAllowList webhook_allow;
  WebhookPolicy webhook;
  std::optional<CrashPoint> crash_at;  // tests only: _exit(137) right after this step
  std::uint32_t page_size = 500;       // hits fetched per search call
  std::size_t webhook_batch = 100;     // notifications per POST
  std::size_t webhook_threads = 8;     // deliveries at once (each alert one at a time)
};

enum class Selection { Due, All };

/// What one alert's run did.
struct RunSummary {
  std::int64_t alert_id = 0;
  std::string name;
  std::uint64_t new_hits = 0;
  std::size_t jsonl_lines = 0, webhook_posts = 0;
  std::optional<std::string> error;
};

class AlertRunner {
 public:
  AlertRunner(AlertStore& store, AlertIndex& index, RunnerConfig config);
  /// Evaluates alerts on as many threads as `indexes` (one index each: a Searcher is not
  /// thread-safe); each alert still runs its steps in order on one thread.
  AlertRunner(AlertStore& store, std::vector<AlertIndex*> indexes, RunnerConfig config);
  /// Delivers webhooks through `dispatcher` (a long-lived one: the server's) without waiting for
  /// them; without one, a run delivers on a dispatcher of its own and waits.
  void use_dispatcher(WebhookDispatcher* dispatcher) { dispatcher_ = dispatcher; }

  /// One pass over the due (or all) alerts; one alert's failure does not stop the others.
  std::vector<RunSummary> run(Selection selection, UnixTime now);
  /// Runs one alert now, whatever its schedule. Throws NotFound.
  RunSummary run_one(std::int64_t alert_id, UnixTime now);

 private:
  RunSummary run_alert(const Alert& alert, AlertIndex& index, UnixTime now);
  /// Sets `partial` when a cluster answered without some of its shards.
  std::uint64_t evaluate(const Alert& alert, AlertIndex& index, std::uint64_t end, UnixTime now, bool& partial);
  void deliver_jsonl(const Alert& alert, RunSummary& summary);
  void deliver_webhooks(const std::vector<Alert>& alerts, std::vector<RunSummary>& summaries, UnixTime now);
  WebhookDispatcher::Options dispatcher_options() const;
  void crash_point(CrashPoint point) const;

  AlertStore& store_;
  std::vector<AlertIndex*> indexes_;
  RunnerConfig config_;
  WebhookDispatcher* dispatcher_ = nullptr;
};

}  // namespace rasd::alerts
