// What the command line and the HTTP API share around the store: creating an alert with the
// webhook allow-list checked, reading the allow-list file, and the background scheduler that
// `rasd serve` runs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alerts/runner.h"
#include "alerts/store.h"
#include "alerts/webhook.h"

namespace rasd::alerts {

/// Stores a new alert that starts at `end` (the index's last ingest sequence), so it never
/// fires on documents already indexed. Throws InvalidInput for a webhook off the allow-list.
Alert create_alert(AlertStore& store, const AlertSpec& spec, const WebhookAllowList& allow, std::uint64_t end,
                   UnixTime now);

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
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, poked_ = false;
  std::atomic<std::size_t> passes_{0};
  std::thread thread_;
};

}  // namespace rasd::alerts
