#include "alerts/runner.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <unordered_set>

#include "error/error.h"
#include "alerts/feed.h"

namespace rasd::alerts {

namespace {

constexpr std::pair<const char*, CrashPoint> kCrashPoints[] = {
    {"search", CrashPoint::Search},   {"record", CrashPoint::Record},         {"jsonl", CrashPoint::Jsonl},
    {"jsonl-mark", CrashPoint::JsonlMark}, {"webhook", CrashPoint::Webhook}, {"webhook-mark", CrashPoint::WebhookMark},
    {"watermark", CrashPoint::Watermark},
};

// The deepest page Searcher serves (QueryLimits::max_offset).
constexpr std::uint32_t kMaxOffset = 10000;

void append_error(std::optional<std::string>& error, const std::string& message) {
  error = error ? *error + "; " + message : message;
}

}  // namespace

CrashPoint parse_crash_point(const std::string& name) {
  for (const auto& [text, point] : kCrashPoints)
    if (name == text) return point;
  throw InvalidInput("unknown crash point '" + name + "'");
}

AlertRunner::AlertRunner(AlertStore& store, AlertIndex& index, RunnerConfig config)
    : AlertRunner(store, std::vector<AlertIndex*>{&index}, std::move(config)) {}

AlertRunner::AlertRunner(AlertStore& store, std::vector<AlertIndex*> indexes, RunnerConfig config)
    : store_(store), indexes_(std::move(indexes)), config_(std::move(config)) {
  if (indexes_.empty()) throw InvalidInput("the alert runner needs an index");
}

void AlertRunner::crash_point(CrashPoint point) const {
  if (config_.crash_at == point) ::_exit(137);
}

std::vector<RunSummary> AlertRunner::run(Selection selection, UnixTime now) {
  std::vector<Alert> due;
  for (Alert& alert : store_.list())
    if (selection == Selection::All || is_due(alert.last_run, alert.spec.every, now)) due.push_back(std::move(alert));
  std::vector<RunSummary> out(due.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(indexes_.size());
  auto work = [&](std::size_t worker) {
    try {
      AlertIndex& index = *indexes_[worker];
      index.refresh();
      for (std::size_t i = next++; i < due.size(); i = next++) out[i] = run_alert(due[i], index, now);
    } catch (...) {
      failures[worker] = std::current_exception();  // e.g. the alerts file failed: ends the pass
      next = due.size();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < indexes_.size() && w < due.size(); ++w) threads.emplace_back(work, w);
  work(0);
  for (std::thread& t : threads) t.join();
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);
  return out;
}

RunSummary AlertRunner::run_one(std::int64_t alert_id, UnixTime now) {
  AlertIndex& index = *indexes_.front();
  index.refresh();
  return run_alert(store_.get(alert_id), index, now);
}

// Every hit after the watermark up to `end`, collapsed, minus documents (or copies of
// documents) this alert already delivered.
std::vector<Notification> AlertRunner::evaluate(const Alert& alert, AlertIndex& index, std::uint64_t end) {
  SearchRequest request = to_request(alert.spec, alert.watermark);
  request.limit = config_.page_size;
  std::vector<Hit> hits;
  for (request.offset = 0; request.offset < kMaxOffset; request.offset += request.limit) {
    SearchResult page = index.search(request);
    const std::size_t got = page.hits.size();
    for (Hit& h : page.hits)
      if (h.sequence <= end) hits.push_back(std::move(h));  // later ones belong to the next run
    if (got < request.limit) break;
  }
  std::vector<std::string> ids;
  for (const Hit& h : hits) {
    ids.push_back(h.id);
    for (const Copy& c : h.copy_list) ids.push_back(c.id);
  }
  const auto seen_list = store_.delivered_among(alert.id, ids);
  const std::unordered_set<std::string> seen(seen_list.begin(), seen_list.end());
  std::vector<Notification> out;
  for (Hit& h : hits) {
    const bool old = seen.count(h.id) ||
                     std::any_of(h.copy_list.begin(), h.copy_list.end(), [&](const Copy& c) { return seen.count(c.id); });
    if (old) continue;
    Notification n;
    n.sequence = h.sequence;
    n.hit = std::move(h);
    out.push_back(std::move(n));
  }
  // Oldest ingest first, so JSONL files and webhooks read in arrival order.
  std::stable_sort(out.begin(), out.end(), [](const Notification& a, const Notification& b) { return a.sequence < b.sequence; });
  return out;
}

RunSummary AlertRunner::run_alert(const Alert& alert, AlertIndex& index, UnixTime now) {
  RunSummary summary;
  summary.alert_id = alert.id;
  summary.name = alert.spec.name;
  const std::uint64_t end = index.last_sequence();
  std::uint64_t watermark = alert.watermark;
  try {
    if (end > alert.watermark) {
      RunRecord record{alert.id, evaluate(alert, index, end), now};
      crash_point(CrashPoint::Search);
      if (!record.notifications.empty()) store_.record(record);
      crash_point(CrashPoint::Record);
      summary.new_hits = record.notifications.size();
    }
    watermark = std::max(end, alert.watermark);
  } catch (const Error& e) {
    // The watermark stays: the next run evaluates the same documents again.
    append_error(summary.error, e.what());
  }
  deliver(alert, summary);
  store_.finish({alert.id, watermark, now, summary.new_hits, summary.error});
  crash_point(CrashPoint::Watermark);
  return summary;
}

void AlertRunner::deliver(const Alert& alert, RunSummary& summary) {
  if (alert.spec.jsonl_path) deliver_jsonl(alert, summary);
  if (alert.spec.webhook_url) deliver_webhook(alert, summary);
}

void AlertRunner::deliver_jsonl(const Alert& alert, RunSummary& summary) {
  try {
    const std::vector<Notification> pending = store_.pending(alert.id, Channel::Jsonl);
    append_jsonl(*alert.spec.jsonl_path, pending, alert.spec.name);
    crash_point(CrashPoint::Jsonl);
    store_.mark_done(pending, Channel::Jsonl);
    crash_point(CrashPoint::JsonlMark);
    summary.jsonl_lines = pending.size();
  } catch (const Error& e) {
    append_error(summary.error, std::string("jsonl: ") + e.what());
  }
}

void AlertRunner::deliver_webhook(const Alert& alert, RunSummary& summary) {
  const std::vector<Notification> pending = store_.pending(alert.id, Channel::Webhook);
  for (std::size_t start = 0; start < pending.size(); start += config_.webhook_batch) {
    const auto stop = std::min(pending.size(), start + config_.webhook_batch);
    const std::vector<Notification> batch(pending.begin() + static_cast<std::ptrdiff_t>(start),
                                          pending.begin() + static_cast<std::ptrdiff_t>(stop));
    nlohmann::json items = nlohmann::json::array();
    for (const Notification& n : batch) items.push_back(to_json(n, alert.spec.name));
    const nlohmann::json payload = {
        {"alert", {{"id", alert.id}, {"name", alert.spec.name}, {"query", alert.spec.query}}},
        {"notifications", items}};
    const WebhookResult result = post_webhook(*alert.spec.webhook_url, payload.dump(), config_.webhook_allow, config_.webhook);
    if (!result.ok) {
      store_.mark_failed(batch, Channel::Webhook, config_.webhook.max_runs);
      append_error(summary.error, "webhook: " + result.error + " after " + std::to_string(result.attempts) + " attempt(s)");
      return;  // the rest stays pending for the next run
    }
    crash_point(CrashPoint::Webhook);
    store_.mark_done(batch, Channel::Webhook);
    crash_point(CrashPoint::WebhookMark);
    ++summary.webhook_posts;
  }
}

}  // namespace rasd::alerts
