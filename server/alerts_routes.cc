#include "server/alerts_routes.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "error/error.h"
#include "alerts/feed.h"
#include "alerts/service.h"
#include "server/context.h"
#include "searcher/searcher.h"

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

ParamSpec spec(std::string name, ParamType type, std::string description, std::string example, ParamIn in) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  p.description = std::move(description);
  p.example = std::move(example);
  p.in = in;
  p.required = in == ParamIn::Path;
  return p;
}

ParamSpec id_param() { return spec("id", ParamType::Integer, "alert id", "1", ParamIn::Path); }

ParamSpec secret_param() {
  return spec("secret", ParamType::String, "the feed's secret, as POST /api/alerts or POST /api/alerts/{id}/feed gave it",
              "k3J9-example-secret-0000000000000000000000", ParamIn::Path);
}

ParamSpec limit_param() {
  return spec("limit", ParamType::Integer, "notifications, newest first (default 20, at most 200)", "20", ParamIn::Query);
}

Route route(std::string method, std::string path, std::string name, std::string summary, std::vector<ParamSpec> params,
            std::shared_ptr<AlertsApi> api,
            HttpResponse (*handler)(const HttpRequest&, ServerContext&, AlertsApi&)) {
  Route r;
  // Reading alerts needs the read token; every change the write token (server/access.h).
  r.access = method == "GET" ? Access::Read : Access::Write;
  r.body = method == "POST" || method == "PATCH" ? BodyKind::Json : BodyKind::None;
  r.method = std::move(method);
  r.path = std::move(path);
  r.name = std::move(name);
  r.summary = std::move(summary);
  r.params = std::move(params);
  r.handler = [api, handler](const HttpRequest& req, ServerContext& ctx) { return handler(req, ctx, *api); };
  return r;
}

json shown(const alerts::Alert& a) { return alerts::to_json(a, alerts::Disclosure::Http); }

HttpResponse atom(const alerts::Alert& a, AlertsApi& api, std::size_t limit, const std::string& self) {
  HttpResponse res;
  res.content_type = "application/atom+xml; charset=utf-8";
  // Links are relative (resolved against the feed's own address), so the feed is right
  // behind any proxy or host name.
  res.body = alerts::atom_feed(a, api.store.recent(a.id, limit), {"", api.document_path, self});
  return res;
}

}  // namespace

HttpResponse get_alerts(const HttpRequest& /*request*/, ServerContext& /*ctx*/, AlertsApi& api) {
  json list = json::array();
  for (const alerts::Alert& a : api.store.list()) list.push_back(shown(a));
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
  alerts::CreatedAlert created;
  ctx.pool.with([&](Searcher& s) {
    alerts::SearcherIndex index(s);
    created = alerts::create_alert(api.store, spec, api.allow, index, alerts::now_utc());
  });
  json out = shown(created.alert);
  out["feed_url"] = alerts::feed_path(created.feed_secret);  // shown this once
  HttpResponse res = json_body(out, 201);
  res.headers.emplace_back("Location", "/api/alerts/" + std::to_string(created.alert.id));
  return res;
}

HttpResponse get_alert(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  return json_body(shown(api.store.get(alert_id(request))));
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
  return json_body({{"alert", shown(a)}, {"hits", hits}});
}

HttpResponse get_alert_feed(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  return atom(api.store.get(alert_id(request)), api, hit_limit(request), "");
}

HttpResponse post_alert_feed(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  const std::string secret = api.store.new_feed_secret(alert_id(request));
  return json_body({{"feed_url", alerts::feed_path(secret)}}, 201);
}

HttpResponse delete_alert_feed(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  api.store.revoke_feed(alert_id(request));
  HttpResponse res;
  res.status = 204;
  return res;
}

// The feed a reader subscribes to: the secret in the address is the credential (feed readers
// cannot send headers); a wrong or revoked secret is a plain 404.
HttpResponse get_feed(const HttpRequest& request, ServerContext& /*ctx*/, AlertsApi& api) {
  const std::string secret = request.path_params.at("secret");
  const auto a = api.store.find_by_feed(secret);
  if (!a) throw NotFound("no feed at this address (it may have been revoked)");
  return atom(*a, api, hit_limit(request), alerts::feed_path(secret));
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
      route("POST", "/api/alerts/{id}/feed", "post_alert_feed",
            "a new secret feed address for the alert (the old one stops working); shown once", {id_param()}, api,
            post_alert_feed),
      route("DELETE", "/api/alerts/{id}/feed", "delete_alert_feed", "revoke the alert's secret feed address",
            {id_param()}, api, delete_alert_feed),
      route("GET", "/api/feeds/{secret}", "get_feed",
            "an alert's Atom feed by its secret address (for feed readers, which cannot send a token)",
            {secret_param(), limit_param()}, api, get_feed),
  };
  for (Route& r : routes) {
    if (r.name == "get_alert_feed" || r.name == "get_feed") r.content_type = "application/atom+xml";
    if (r.name == "post_alert_feed") r.body = BodyKind::None;
    if (r.name == "get_feed") r.access = Access::Public;
  }
  return routes;
}

}  // namespace rasd::http
