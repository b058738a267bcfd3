#include "server/alerts_runtime.h"

#include <sstream>

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

// How many alerts there are and which webhooks are failing, for /metrics.
std::string alert_metrics(alerts::AlertStore& store) {
  std::ostringstream out;
  std::size_t failing = 0;
  const auto list = store.list();
  out << "# HELP rasd_alert_webhook_failures Failed webhook deliveries in a row, by alert.\n"
      << "# TYPE rasd_alert_webhook_failures gauge\n";
  for (const alerts::Alert& a : list) {
    if (!a.spec.webhook_url) continue;
    out << "rasd_alert_webhook_failures{alert=\"" << a.id << "\"} " << a.webhook_failures << '\n';
    failing += alerts::alert_status(a) == "failing";
  }
  out << "# HELP rasd_alerts Saved alerts.\n# TYPE rasd_alerts gauge\nrasd_alerts " << list.size() << '\n'
      << "# HELP rasd_alerts_failing Alerts whose webhook failed " << alerts::kFailingAfter
      << " deliveries in a row or more.\n# TYPE rasd_alerts_failing gauge\nrasd_alerts_failing " << failing << '\n';
  return out.str();
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
  alerts::AlertStore* store = store_.get();
  options.metric_sources.push_back([store] { return alert_metrics(*store); });
  alerts::AlertScheduler::Options s;
  s.db_dir = options.db_dir;
  s.alerts_file = options.alerts_file;
  s.runner.webhook_allow = allow_list;
  s.tick = alerts_options.tick;
  const EventLog* log = alerts_options.log;
  const auto text = std::make_shared<EventLog>();
  s.report = [log, text](const std::vector<alerts::RunSummary>& summaries, const std::string& error) {
    log_pass(log ? *log : *text, summaries, error);
  };
  s.delivery_report = [log, text](const alerts::DeliveryReport& r) {
    if (!r.error) return;
    (log ? *log : *text)
        .event("alert_delivery_failed", {{"alert_id", r.alert_id}, {"error", *r.error}, {"failing", r.failing}},
               r.failing ? "error" : "warning");
  };
  scheduler_ = std::make_unique<alerts::AlertScheduler>(std::move(s));
}

AlertsRuntime::~AlertsRuntime() = default;

void AlertsRuntime::poke() { scheduler_->poke(); }
std::size_t AlertsRuntime::passes() const { return scheduler_->passes(); }

}  // namespace rasd::http
