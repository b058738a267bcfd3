// The alerts endpoints (/api/alerts...), registered onto the server's one route table through
// ServerOptions::extra_routes by `rasd serve --alerts FILE`.
#pragma once

#include <memory>
#include <vector>

#include "alerts/store.h"
#include "alerts/webhook.h"
#include "server/routes.h"

namespace rasd::http {

/// What the alerts handlers share: the alerts file and the webhook allow-list.
struct AlertsApi {
  alerts::AlertStore& store;
  alerts::WebhookAllowList allow;
  std::string document_path = "/#/doc/";  // the page's document view, for feed links
};

HttpResponse get_alerts(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse post_alerts(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse get_alert(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse delete_alert(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse get_alert_hits(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse get_alert_feed(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse post_alert_feed(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse delete_alert_feed(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);
HttpResponse get_feed(const HttpRequest& request, ServerContext& ctx, AlertsApi& api);

/// The routes above bound to `api`, which must outlive the server.
std::vector<Route> alert_routes(std::shared_ptr<AlertsApi> api);

}  // namespace rasd::http
