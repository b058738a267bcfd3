#include "alerts/service.h"

#include <pthread.h>

#include <csignal>
#include <fstream>

#include "error/error.h"
#include "searcher/searcher.h"

namespace rasd::alerts {

CreatedAlert create_alert(AlertStore& store, const AlertSpec& spec, const WebhookAllowList& allow, AlertIndex& index,
                          UnixTime now) {
  validate(spec);
  if (spec.webhook_url) allow.check(*spec.webhook_url);
  index.refresh();
  const std::uint64_t end = index.last_sequence();
  SearchRequest probe = to_request(spec, end);
  probe.limit = 1;
  probe.snippets = false;
  probe.ids_only = true;
  index.search(probe);  // throws InvalidInput for a query or filter that cannot run
  CreatedAlert out;
  out.alert = store.add(spec, end, now);
  out.feed_secret = store.new_feed_secret(out.alert.id);
  out.alert.has_feed = true;
  return out;
}

std::string feed_path(const std::string& secret) { return "/api/feeds/" + secret; }

std::vector<std::string> read_allow_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InvalidInput("cannot read webhook allow-list " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    const auto last = line.find_last_not_of(" \t\r");
    out.push_back(line.substr(first, last - first + 1));
  }
  return out;
}

AlertScheduler::AlertScheduler(Options options) : options_(std::move(options)) {
  delivery_store_ = std::make_unique<AlertStore>(options_.alerts_file);
  WebhookDispatcher::Options d;
  d.allow = options_.runner.webhook_allow;
  d.policy = options_.runner.webhook;
  d.batch = options_.runner.webhook_batch;
  d.threads = options_.runner.webhook_threads;
  d.report = options_.delivery_report;
  dispatcher_ = std::make_unique<WebhookDispatcher>(*delivery_store_, std::move(d));
  thread_ = std::thread([this] { loop(); });
}

AlertScheduler::~AlertScheduler() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AlertScheduler::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

void AlertScheduler::loop() {
  // Shutdown signals belong to the server's waiting thread; this one must never take them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    pass();
    ++passes_;
    lock.lock();
    wake_.wait_for(lock, options_.tick, [this] { return stop_ || poked_; });
    poked_ = false;
  }
}

// A pass opens its own store and searcher, so a bad alerts file or a re-built index at one
// tick does not wedge later ones; the error goes to the report instead of ending the thread.
void AlertScheduler::pass() {
  try {
    AlertStore store(options_.alerts_file);
    Searcher searcher(options_.db_dir);
    SearcherIndex index(searcher);
    AlertRunner runner(store, index, options_.runner);
    runner.use_dispatcher(dispatcher_.get());
    const auto summaries = runner.run(Selection::Due, now_utc());
    if (options_.report) options_.report(summaries, {});
  } catch (const std::exception& e) {
    if (options_.report) options_.report({}, e.what());
  }
}

}  // namespace rasd::alerts
