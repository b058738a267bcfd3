#include "alerts/dispatcher.h"

#include <pthread.h>
#include <unistd.h>

#include <csignal>

#include <openssl/evp.h>

#include "alerts/runner.h"
#include "error/error.h"

namespace rasd::alerts {
namespace {

// One key for a batch: the same notifications give the same key, so a receiver can drop a POST
// that a crash between its answer and our bookkeeping made rasd send again.
std::string batch_key(const std::vector<Notification>& batch) {
  std::string keys;
  for (const Notification& n : batch) keys += n.key + "\n";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(keys.data(), keys.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "rasd-";
  for (unsigned int i = 0; i < 16 && i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

WebhookDispatcher::WebhookDispatcher(AlertStore& store, Options options) : store_(store), options_(std::move(options)) {
  for (std::size_t i = 0; i < std::max<std::size_t>(1, options_.threads); ++i) threads_.emplace_back([this] { work(); });
}

WebhookDispatcher::~WebhookDispatcher() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool WebhookDispatcher::kick(const Alert& alert, UnixTime now) {
  if (!alert.spec.webhook_url || alert.webhook_next_attempt > now) return false;
  {
    std::lock_guard lock(mutex_);
    if (!in_flight_.insert(alert.id).second) return false;
    // Healthy receivers first: an alert that keeps failing waits behind the others.
    if (alert.webhook_failures == 0)
      queue_.push_front({alert, now});
    else
      queue_.push_back({alert, now});
  }
  ready_.notify_one();
  return true;
}

void WebhookDispatcher::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && running_ == 0; });
}

std::vector<DeliveryReport> WebhookDispatcher::take_reports() {
  std::lock_guard lock(mutex_);
  return std::exchange(reports_, {});
}

void WebhookDispatcher::work() {
  // Shutdown signals belong to the server's waiting thread, never to a delivery.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    const Alert& alert = job.alert;
    DeliveryReport report;
    try {
      report = deliver(job);
    } catch (const std::exception& e) {
      report.alert_id = alert.id;
      report.error = std::string("webhook: ") + e.what();
    }
    if (options_.report) options_.report(report);
    {
      std::lock_guard lock(mutex_);
      in_flight_.erase(alert.id);
      reports_.push_back(report);
      --running_;
    }
    idle_.notify_all();
  }
}

DeliveryReport WebhookDispatcher::deliver(const Job& job) {
  const Alert& alert = job.alert;
  DeliveryReport report;
  report.alert_id = alert.id;
  const std::vector<Notification> pending = store_.pending(alert.id, Channel::Webhook);
  const auto crash = [&](CrashPoint p) {
    if (options_.crash_at == p) ::_exit(137);
  };
  for (std::size_t start = 0; start < pending.size(); start += options_.batch) {
    const auto stop = std::min(pending.size(), start + options_.batch);
    const std::vector<Notification> batch(pending.begin() + static_cast<std::ptrdiff_t>(start),
                                          pending.begin() + static_cast<std::ptrdiff_t>(stop));
    nlohmann::json items = nlohmann::json::array();
    for (const Notification& n : batch) items.push_back(to_json(n, alert.spec.name));
    const nlohmann::json payload = {
        {"alert", {{"id", alert.id}, {"name", alert.spec.name}, {"query", alert.spec.query}}},
        {"notifications", items}};
    const WebhookResult result = post_webhook(*alert.spec.webhook_url, payload.dump(), options_.allow, options_.policy,
                                              {{"Idempotency-Key", batch_key(batch)}});
    if (!result.ok) {
      store_.mark_failed(batch, Channel::Webhook, options_.policy.max_runs);
      const Alert state = store_.webhook_failed(alert.id, result.error, job.now, options_.policy.backoff_base,
                                                options_.policy.backoff_max);
      report.error = "webhook: " + result.error + " after " + std::to_string(result.attempts) + " attempt(s)";
      report.failing = state.webhook_failures >= options_.policy.failing_after;
      return report;  // the rest stays pending for the next delivery
    }
    crash(CrashPoint::Webhook);
    store_.mark_done(batch, Channel::Webhook);
    crash(CrashPoint::WebhookMark);
    ++report.posts;
  }
  if (alert.webhook_failures > 0 || alert.webhook_error) store_.webhook_delivered(alert.id);
  return report;
}

}  // namespace rasd::alerts
