#include "server/alerts_routes.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "error/error.h"
#include "alerts/feed.h"
#include "alerts/service.h"
#include "server/context.h"

namespace rasd::http {
namespace {

using nlohmann::json;

constexpr std::size_t kDefaultHits = 20, kMaxHits = 200;

HttpResponse json_body(const json& body, int status = 200) {
  HttpResponse res;
  res.status = status;
  res.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return res;
}

std::int64_t parse_int(const std::string& text, const std::string& what) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0)
    throw InvalidInput("bad " + what + " '" + text + "': expected a positive integer");
  return v;
}

std::int64_t alert_id(const HttpRequest& request) {
  const auto it = request.path_params.find("id");
  return parse_int(it == request.path_params.end() ? std::string() : it->second, "alert id");
}

std::size_t hit_limit(const HttpRequest& request) {
  const auto values = request.all("limit");
  if (values.empty()) return kDefaultHits;
  return static_cast<std::size_t>(std::min<std::int64_t>(parse_int(values.front(), "limit"), kMaxHits));
}

ParamSpec id_param() {
  ParamSpec p;
  p.name = "id";
  p.type = ParamType::Integer;
  p.description = "alert id";
  p.example = "1";
  p.in = ParamIn::Path;
  p.required = true;
  return p;
}

ParamSpec limit_param() {
  ParamSpec p;
  p.name = "limit";
  p.type = ParamType::Integer;
  p.description = "notifications, newest first (default 20, at most 200)";
  p.example = "20";
  return p;
}

Route route(std::string method, std::string path, std::string name, std::string summary, std::vector<ParamSpec> params,
            std::shared_ptr<AlertsApi> api,
            HttpResponse (*handler)(const HttpRequest&, ServerContext&, AlertsApi&)) {
  Route r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.name = std::move(name);
  r.summary = std::move(summary);
  r.params = std::move(params);
  r.handler = [api, handler](const HttpRequest& req, ServerContext& ctx) { return handler(req, ctx, *api); };
  return r;
}

}  // namespace

HttpResponse get_alerts(const HttpRequest& /*request*/, ServerContext& /*ctx*/, AlertsApi& api) {
  json list = json::array();
  for (const alerts::Alert& a : api.store.list()) list.push_back(alerts::to_json(a));
  return json_body({{"alerts", list}});
}

HttpResponse post_alerts(const HttpRequest& request, ServerContext& ctx, AlertsApi& api) {
  json body;
  try {
    body = json::parse(request.body);
  } catch (const json::exception&) {
    throw InvalidInput("the request body is not valid JSON");
  }
  // A JSONL path would let any page visitor append to a file the server can write.
  if (body.is_object() && body.contains("jsonl") && !body["jsonl"].is_null())
    throw InvalidInput("JSONL outputs are set with `rasd alerts add --jsonl`, not over HTTP");
  const alerts::AlertSpec spec = alerts::spec_from_json(body);
  std::uint64_t end = 0;
  ctx.pool.with([&](Searcher& s) { end = s.last_sequence(); });
  const alerts::Alert a = alerts::create_alert(api.store, spec, api.allow, end, alerts::now_utc());
  HttpResponse res = json_body(alerts::to_json(a), 201);
  res.headers.emplace_back("Location", "/api/alerts/" + std::to_string(a.id));
  return res;
}

HttpResponse get_alert(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  return json_body(alerts::to_json(api.store.get(alert_id(request))));
}

HttpResponse delete_alert(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  api.store.remove(alert_id(request));
  HttpResponse res;
  res.status = 204;
  return res;
}

HttpResponse get_alert_hits(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  const alerts::Alert a = api.store.get(alert_id(request));
  json hits = json::array();
  for (const alerts::Notification& n : api.store.recent(a.id, hit_limit(request)))
    hits.push_back(alerts::to_json(n, a.spec.name));
  return json_body({{"alert", alerts::to_json(a)}, {"hits", hits}});
}

HttpResponse get_alert_feed(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  const alerts::Alert a = api.store.get(alert_id(request));
  HttpResponse res;
  res.content_type = "application/atom+xml; charset=utf-8";
  // Links are relative (resolved against the feed's own address), so the feed is right
  // behind any proxy or host name.
  res.body = alerts::atom_feed(a, api.store.recent(a.id, hit_limit(request)), {"", api.document_path});
  return res;
}

std::vector<Route> alert_routes(std::shared_ptr<AlertsApi> api) {
  std::vector<Route> routes = {
      route("GET", "/api/alerts", "get_alerts", "saved alerts with last run, new-hit counts and errors", {}, api,
            get_alerts),
      route("POST", "/api/alerts", "post_alerts",
            "save an alert: JSON {name, query, filters:{country,org,person,place,source,from,to}, every, webhook}", {},
            api, post_alerts),
      route("GET", "/api/alerts/{id}", "get_alert", "one alert", {id_param()}, api, get_alert),
      route("DELETE", "/api/alerts/{id}", "delete_alert", "delete an alert, its notifications and its feed",
            {id_param()}, api, delete_alert),
      route("GET", "/api/alerts/{id}/hits", "get_alert_hits", "an alert's recent notifications, newest first",
            {id_param(), limit_param()}, api, get_alert_hits),
      route("GET", "/api/alerts/{id}/feed.atom", "get_alert_feed", "an alert's notifications as an Atom 1.0 feed",
            {id_param(), limit_param()}, api, get_alert_feed),
  };
  routes.back().content_type = "application/atom+xml";
  return routes;
}

}  // namespace rasd::http
