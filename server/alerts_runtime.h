// Alerts inside `rasd serve`: opens the alerts file, adds the /api/alerts routes to the
// server's options, and runs due alerts in a background thread for as long as it lives.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "server/context.h"

namespace rasd::alerts {
class AlertStore;
class AlertScheduler;
}  // namespace rasd::alerts

namespace rasd::http {

struct AlertsApi;

/// The serve options that concern alerts.
struct AlertsServeOptions {
  std::vector<std::string> webhook_allow;  // HOST[:PORT]
  std::string webhook_allow_file;
  std::chrono::seconds tick{30};           // how often due alerts are looked for
  const EventLog* log = nullptr;           // where passes are reported; null: text on stderr
};

class AlertsRuntime {
 public:
  /// Needs options.alerts_file and options.db_dir; appends the alert routes to
  /// options.extra_routes (call before constructing the Server) and starts the scheduler.
  AlertsRuntime(ServerOptions& options, const AlertsServeOptions& alerts);
  ~AlertsRuntime();
  AlertsRuntime(const AlertsRuntime&) = delete;
  AlertsRuntime& operator=(const AlertsRuntime&) = delete;

  /// Runs due alerts now instead of at the next tick.
  void poke();
  /// Scheduler passes completed so far.
  std::size_t passes() const;

 private:
  std::unique_ptr<alerts::AlertStore> store_;
  std::shared_ptr<AlertsApi> api_;
  std::unique_ptr<alerts::AlertScheduler> scheduler_;
};

}  // namespace rasd::http
