// One thin handler per endpoint (parse -> library -> JSON), and the route table that names them.
#pragma once

#include <vector>

#include "server/context.h"
#include "server/routes.h"

namespace rasd::http {

HttpResponse get_search(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_document(const HttpRequest& request, ServerContext& ctx);
HttpResponse post_documents(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_entities(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_openapi(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_healthz(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_metrics(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_page(const HttpRequest& request, ServerContext& ctx);
HttpResponse get_asset(const HttpRequest& request, ServerContext& ctx);

/// Every core endpoint (routes_table.cc); the server appends ServerOptions::extra_routes.
std::vector<Route> core_routes();

}  // namespace rasd::http
