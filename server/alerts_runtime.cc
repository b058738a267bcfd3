#include "server/alerts_runtime.h"

#include "alerts/service.h"
#include "server/alerts_routes.h"

namespace rasd::http {
namespace {

// The server logs one event per alert that found something or failed, and per failed pass.
void log_pass(const EventLog& log, const std::vector<alerts::RunSummary>& summaries, const std::string& error) {
  if (!error.empty()) log.event("alerts_pass_failed", {{"error", error}}, "error");
  for (const auto& s : summaries) {
    if (s.new_hits == 0 && !s.error) continue;
    nlohmann::json fields = {{"alert_id", s.alert_id}, {"name", s.name}, {"new_hits", s.new_hits}};
    if (s.error) fields["error"] = *s.error;
    log.event("alert_run", fields, s.error ? "error" : "info");
  }
}

}  // namespace

AlertsRuntime::AlertsRuntime(ServerOptions& options, const AlertsServeOptions& alerts_options) {
  std::vector<std::string> allow = alerts_options.webhook_allow;
  if (!alerts_options.webhook_allow_file.empty())
    for (std::string& e : alerts::read_allow_file(alerts_options.webhook_allow_file)) allow.push_back(std::move(e));
  const alerts::WebhookAllowList allow_list(allow);
  store_ = std::make_unique<alerts::AlertStore>(options.alerts_file);
  api_ = std::make_shared<AlertsApi>(AlertsApi{*store_, allow_list});
  for (Route& r : alert_routes(api_)) options.extra_routes.push_back(std::move(r));
  alerts::AlertScheduler::Options s;
  s.db_dir = options.db_dir;
  s.alerts_file = options.alerts_file;
  s.runner.webhook_allow = allow_list;
  s.tick = alerts_options.tick;
  const EventLog* log = alerts_options.log;
  s.report = [log, text = std::make_shared<EventLog>()](const std::vector<alerts::RunSummary>& summaries,
                                                         const std::string& error) {
    log_pass(log ? *log : *text, summaries, error);
  };
  scheduler_ = std::make_unique<alerts::AlertScheduler>(std::move(s));
}

AlertsRuntime::~AlertsRuntime() = default;

void AlertsRuntime::poke() { scheduler_->poke(); }
std::size_t AlertsRuntime::passes() const { return scheduler_->passes(); }

}  // namespace rasd::http
