// What the command line and the HTTP API share around the store: creating an alert with the
// webhook allow-list checked, reading the allow-list file, and the background scheduler that
// `rasd serve` runs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alerts/runner.h"
#include "alerts/store.h"
#include "alerts/webhook.h"

namespace rasd::alerts {

/// A stored alert and its secret feed address (shown once: only its hash is kept).
struct CreatedAlert {
  Alert alert;
  std::string feed_secret;
};

/// Stores a new alert that starts at the index's last ingest sequence, so it never fires on
/// documents already indexed, with a secret feed address. The query is run once over the index
/// (matching nothing new), so a query that cannot run is refused now, not on every run. Throws
/// InvalidInput for a bad field, a bad query or a webhook off the allow-list.
CreatedAlert create_alert(AlertStore& store, const AlertSpec& spec, const WebhookAllowList& allow, AlertIndex& index,
                          UnixTime now);

/// The feed path that `secret` opens ("/api/feeds/SECRET").
std::string feed_path(const std::string& secret);

/// Allow-list entries from a file: one HOST or HOST:PORT per line, '#' comments. Throws
/// InvalidInput naming the file when it cannot be read.
std::vector<std::string> read_allow_file(const std::string& path);

/// Runs due alerts in a background thread every `tick` until destroyed.
class AlertScheduler {
 public:
  /// Called after each pass with what ran (possibly nothing); the server logs it.
  using Report = std::function<void(const std::vector<RunSummary>&, const std::string& error)>;

  struct Options {
    std::string db_dir;
    std::string alerts_file;
    RunnerConfig runner;
    std::chrono::seconds tick{30};
    Report report;
    std::function<void(const DeliveryReport&)> delivery_report;  // each webhook delivery, on its thread
  };

  explicit AlertScheduler(Options options);
  ~AlertScheduler();
  AlertScheduler(const AlertScheduler&) = delete;
  AlertScheduler& operator=(const AlertScheduler&) = delete;

  /// Wakes the thread for a pass now (e.g. after documents were ingested).
  void poke();
  /// Passes completed so far.
  std::size_t passes() const { return passes_; }

 private:
  void loop();
  void pass();

  Options options_;
  std::unique_ptr<AlertStore> delivery_store_;       // the dispatcher's, for as long as it lives
  std::unique_ptr<WebhookDispatcher> dispatcher_;    // webhooks outlive a pass: no pass waits for one
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, poked_ = false;
  std::atomic<std::size_t> passes_{0};
  std::thread thread_;
};

}  // namespace rasd::alerts
