// Webhook deliveries on threads of their own: at most one delivery in flight per alert, alerts
// whose receiver failed wait out a backoff kept in the alerts file, and healthy alerts go first,
// so a receiver that never answers delays no other alert's delivery.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "alerts/store.h"
#include "alerts/webhook.h"

namespace rasd::alerts {

enum class CrashPoint;

/// What one alert's delivery did.
struct DeliveryReport {
  std::int64_t alert_id = 0;
  std::size_t posts = 0;
  std::optional<std::string> error;
  bool failing = false;  // the alert has now failed kFailingAfter deliveries in a row
};

class WebhookDispatcher {
 public:
  struct Options {
    WebhookAllowList allow;
    WebhookPolicy policy;
    std::size_t batch = 100;        // notifications per POST
    std::size_t threads = 8;
    std::optional<CrashPoint> crash_at;  // tests only
    std::function<void(const DeliveryReport&)> report;  // after each delivery, on its thread
  };

  /// `store` must outlive the dispatcher and be safe to share between threads (AlertStore is).
  WebhookDispatcher(AlertStore& store, Options options);
  ~WebhookDispatcher();
  WebhookDispatcher(const WebhookDispatcher&) = delete;
  WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

  /// Queues the alert's pending webhook notifications; false (nothing queued) when a delivery
  /// of it is already queued or running, or its backoff has not passed at `now`.
  bool kick(const Alert& alert, UnixTime now);
  /// Waits until nothing is queued or running.
  void drain();
  /// The reports since the last call.
  std::vector<DeliveryReport> take_reports();

 private:
  void work();
  struct Job {
    Alert alert;
    UnixTime now = 0;  // the run's time: backoff counts from it
  };
  DeliveryReport deliver(const Job& job);

  AlertStore& store_;
  Options options_;
  std::mutex mutex_;
  std::condition_variable ready_, idle_;
  std::deque<Job> queue_;
  std::set<std::int64_t> in_flight_;
  std::vector<DeliveryReport> reports_;
  std::size_t running_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace rasd::alerts
