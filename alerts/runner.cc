#include "alerts/runner.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>

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

void append_error(std::optional<std::string>& error, const std::string& message) {
  error = error ? *error + "; " + message : message;
}

// The notifications of `pending` whose lines are already in the file past `mark` (removed from
// `pending`); a last line without its newline (a torn write) is truncated away first.
std::vector<Notification> drop_written(const std::string& path, std::int64_t mark, std::vector<Notification>& pending) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  in.seekg(mark);
  std::string tail((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!tail.empty() && tail.back() != '\n') {
    const auto last = tail.rfind('\n');
    const std::size_t keep = last == std::string::npos ? 0 : last + 1;
    if (::truncate(path.c_str(), static_cast<off_t>(mark + static_cast<std::int64_t>(keep))) != 0)
      throw IndexError("cannot cut a torn line off alert output " + path);
    tail.resize(keep);
  }
  std::unordered_set<std::string> keys;
  std::size_t start = 0;
  while (start < tail.size()) {
    const auto nl = tail.find('\n', start);
    const auto j = nlohmann::json::parse(tail.substr(start, nl - start), nullptr, false);
    if (j.is_object() && j.contains("key") && j["key"].is_string()) keys.insert(j["key"].get<std::string>());
    start = nl + 1;
  }
  std::vector<Notification> written, rest;
  for (Notification& n : pending) (keys.count(n.key) ? written : rest).push_back(std::move(n));
  pending = std::move(rest);
  return written;
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
  deliver_webhooks(due, out, now);
  return out;
}

RunSummary AlertRunner::run_one(std::int64_t alert_id, UnixTime now) {
  AlertIndex& index = *indexes_.front();
  index.refresh();
  const Alert alert = store_.get(alert_id);
  std::vector<RunSummary> out{run_alert(alert, index, now)};
  // Run now means now: a backoff left by earlier failures does not hold this delivery back.
  Alert forced = alert;
  forced.webhook_next_attempt = 0;
  deliver_webhooks({forced}, out, now);
  return out.front();
}

WebhookDispatcher::Options AlertRunner::dispatcher_options() const {
  WebhookDispatcher::Options o;
  o.allow = config_.webhook_allow;
  o.policy = config_.webhook;
  o.batch = config_.webhook_batch;
  o.threads = config_.webhook_threads;
  o.crash_at = config_.crash_at;
  return o;
}

// Each alert's webhook on the dispatcher; with a dispatcher of its own the run waits and folds
// the outcome into the summaries (and the alert's last error) as a synchronous run would.
void AlertRunner::deliver_webhooks(const std::vector<Alert>& alerts, std::vector<RunSummary>& summaries, UnixTime now) {
  std::optional<WebhookDispatcher> own;
  WebhookDispatcher* d = dispatcher_;
  if (!d) d = &own.emplace(store_, dispatcher_options());
  std::map<std::int64_t, RunSummary*> by_id;
  for (RunSummary& s : summaries) by_id[s.alert_id] = &s;
  for (const Alert& a : alerts) {
    if (!a.spec.webhook_url) continue;
    const Alert fresh = store_.find(a.id).value_or(a);  // its backoff as the file has it now
    Alert kicked = fresh;
    if (a.webhook_next_attempt == 0) kicked.webhook_next_attempt = 0;
    if (!d->kick(kicked, now) && kicked.webhook_next_attempt > now && by_id.count(a.id))
      append_error(by_id[a.id]->error, "webhook: waiting until " + format_time(kicked.webhook_next_attempt) +
                                           " after " + std::to_string(kicked.webhook_failures) + " failed deliveries");
  }
  if (!own) return;
  own->drain();
  for (const DeliveryReport& r : own->take_reports()) {
    auto it = by_id.find(r.alert_id);
    if (it == by_id.end()) continue;
    it->second->webhook_posts += r.posts;
    if (r.error) {
      append_error(it->second->error, *r.error);
      store_.set_error(r.alert_id, it->second->error);
    }
  }
}

// Every hit after the watermark up to `end`, a page at a time in ingest order, minus documents
// (or copies of documents) this alert already delivered; each page is recorded as it comes.
// Returns how many notifications were recorded that are news (copies of earlier ones not counted).
std::uint64_t AlertRunner::evaluate(const Alert& alert, AlertIndex& index, std::uint64_t end, UnixTime now,
                                    bool& partial) {
  std::uint64_t after = alert.watermark, recorded = 0;
  std::unordered_set<std::string> seen_in_run;
  for (;;) {
    SearchRequest request = to_request(alert.spec, after);
    request.sort = SortOrder::Sequence;
    request.offset = 0;
    request.limit = config_.page_size;
    SearchResult page = index.search(request);
    partial = partial || page.partial;
    const std::size_t got = page.hits.size();
    bool past_end = false;
    std::vector<Hit> hits;
    for (Hit& h : page.hits) {
      if (h.sequence > end) {  // later ones belong to the next run
        past_end = true;
        break;
      }
      after = std::max(after, h.sequence);
      hits.push_back(std::move(h));
    }
    // The copies ingested before the watermark are not in the hits' copy lists: ask the index.
    std::vector<std::vector<std::string>> earlier(hits.size());
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const Hit& h = hits[i];
      ids.push_back(h.id);
      for (const Copy& c : h.copy_list) ids.push_back(c.id);
      earlier[i] = index.copies_of(h.id);
      ids.insert(ids.end(), earlier[i].begin(), earlier[i].end());
    }
    const auto seen_list = store_.delivered_among(alert.id, ids);
    std::unordered_set<std::string> seen(seen_list.begin(), seen_list.end());
    RunRecord record{alert.id, {}, now};
    for (std::size_t i = 0; i < hits.size(); ++i) {
      Hit& h = hits[i];
      const auto old = [&](const std::string& id) { return seen.count(id) || seen_in_run.count(id); };
      const bool repeat = old(h.id) || std::any_of(h.copy_list.begin(), h.copy_list.end(), [&](const Copy& c) { return old(c.id); });
      // A copy of a report notified in an earlier run (or page): attached to it, not news; the
      // earliest notified member names it, so every later copy points at the first notification.
      const auto first = std::find_if(earlier[i].begin(), earlier[i].end(), [&](const std::string& id) { return old(id); });
      seen_in_run.insert(h.id);
      for (const Copy& c : h.copy_list) seen_in_run.insert(c.id);
      if (repeat) continue;
      Notification n;
      if (first != earlier[i].end()) n.copy_of = *first;
      n.alert_id = alert.id;
      n.sequence = h.sequence;
      n.hit = std::move(h);
      n.key = idempotency_key(n, alert.created);
      record.notifications.push_back(std::move(n));
    }
    crash_point(CrashPoint::Search);
    if (!record.notifications.empty()) store_.record(record);
    recorded += static_cast<std::uint64_t>(std::count_if(record.notifications.begin(), record.notifications.end(),
                                                         [](const Notification& n) { return !n.copy_of; }));
    if (past_end || got < request.limit || hits.empty()) break;
  }
  crash_point(CrashPoint::Record);
  return recorded;
}

RunSummary AlertRunner::run_alert(const Alert& alert, AlertIndex& index, UnixTime now) {
  RunSummary summary;
  summary.alert_id = alert.id;
  summary.name = alert.spec.name;
  const std::uint64_t end = index.last_sequence();
  std::uint64_t watermark = alert.watermark;
  try {
    bool partial = false;
    if (end > alert.watermark) summary.new_hits = evaluate(alert, index, end, now, partial);
    // A cluster with a shard out: what the others matched is delivered (and in the delivered
    // set), but the watermark stays, so that the next run finds the missing shard's matches.
    if (partial) append_error(summary.error, "some shards did not answer; their new matches come with the next run");
    else watermark = std::max(end, alert.watermark);
  } catch (const Error& e) {
    // The watermark stays: the next run evaluates the same documents again (what this run
    // recorded is in the delivered set, so it is not announced twice).
    append_error(summary.error, e.what());
  }
  if (alert.spec.jsonl_path) deliver_jsonl(alert, summary);
  store_.finish({alert.id, watermark, now, summary.new_hits, summary.error});
  crash_point(CrashPoint::Watermark);
  return summary;
}

void AlertRunner::deliver_jsonl(const Alert& alert, RunSummary& summary) {
  try {
    std::vector<Notification> pending = store_.pending(alert.id, Channel::Jsonl);
    const std::string& path = *alert.spec.jsonl_path;
    if (alert.jsonl_mark) {
      // An append was in progress when the last run stopped: the lines past the mark are ours.
      // Those already there are done; a torn last line is cut off; the rest is appended.
      const std::vector<Notification> written = drop_written(path, *alert.jsonl_mark, pending);
      if (!written.empty()) store_.mark_done(written, Channel::Jsonl);
    }
    if (!pending.empty()) {
      struct stat st{};
      const std::int64_t size = ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
      store_.set_jsonl_mark(alert.id, size);
      append_jsonl(path, pending, alert.spec.name);
      crash_point(CrashPoint::Jsonl);
      store_.mark_done(pending, Channel::Jsonl);
      crash_point(CrashPoint::JsonlMark);
    }
    if (alert.jsonl_mark || !pending.empty()) store_.set_jsonl_mark(alert.id, std::nullopt);
    summary.jsonl_lines = pending.size();
  } catch (const Error& e) {
    append_error(summary.error, std::string("jsonl: ") + e.what());
  }
}

}  // namespace rasd::alerts
