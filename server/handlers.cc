#include "server/handlers.h"

#include <nlohmann/json.hpp>

#include "server/ingest.h"
#include "server/openapi.h"
#include "server/problem.h"
#include "server/search_params.h"
#include "searcher/search_json.h"

namespace rasd::http {
namespace {

HttpResponse json_response(const nlohmann::json& body, int status = 200) {
  HttpResponse res;
  res.status = status;
  // Invalid UTF-8 in a stored document must not turn a good answer into a 500.
  res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

std::string single(const HttpRequest& request, const std::string& name, const std::string& fallback = {}) {
  const auto values = request.all(name);
  return values.empty() ? fallback : values.front();
}

HttpResponse file_response(const ServerContext& ctx, const std::string& name) {
  auto file = ctx.files.get(name);
  if (!file) throw NoRoute("no file '" + name + "' in the page");
  HttpResponse res;
  res.content_type = file->content_type;
  res.body = std::move(file->content);
  res.headers.emplace_back("Cache-Control", "no-cache");
  return res;
}

}  // namespace

HttpResponse get_search(const HttpRequest& request, ServerContext& ctx) {
  const PagedSearch paged = parse_search(request, ctx.pool.limits());
  SearchResult result;
  ctx.pool.with([&](Searcher& s) { result = s.search(paged.request); });
  nlohmann::json body = search_answer_json(result);
  body["query"] = paged.request.query;
  body["page"] = paged.page;
  body["size"] = paged.size;
  return json_response(body);
}

HttpResponse get_document(const HttpRequest& request, ServerContext& ctx) {
  nlohmann::json doc;
  ctx.pool.with([&](Searcher& s) { doc = s.document(request.path_params.at("id")); });
  return json_response(doc);
}

HttpResponse post_documents(const HttpRequest& request, ServerContext& ctx) {
  std::lock_guard lock(ctx.ingest_mutex);
  const IngestSummary summary = ingest_jsonl(ctx.options.db_dir, request.body);
  return json_response(to_json(summary));
}

HttpResponse get_entities(const HttpRequest& request, ServerContext& ctx) {
  const std::string type = single(request, "type");
  const std::string prefix = single(request, "prefix");
  const std::uint32_t limit = parse_count("limit", single(request, "limit", "20"), 1, 100);
  std::vector<FacetValue> values;
  ctx.pool.with([&](Searcher& s) { values = s.entities(type, prefix, limit); });
  nlohmann::json list = nlohmann::json::array();
  for (const FacetValue& v : values)
    list.push_back({{"id", v.id}, {"label_ar", v.label_ar}, {"label_en", v.label_en}, {"count", v.count}});
  return json_response({{"type", type}, {"prefix", prefix}, {"entities", list}});
}

HttpResponse get_openapi(const HttpRequest& /*request*/, ServerContext& ctx) {
  return json_response(openapi_spec(ctx.routes));
}

HttpResponse get_healthz(const HttpRequest& /*request*/, ServerContext& ctx) {
  return json_response({{"status", "ok"}, {"documents", ctx.pool.document_count()}});
}

HttpResponse get_metrics(const HttpRequest& /*request*/, ServerContext& ctx) {
  IndexFigures figures;
  figures.documents = ctx.pool.document_count();
  figures.size_bytes = directory_bytes(ctx.pool.db_dir());
  HttpResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = ctx.metrics.render(figures);
  for (const auto& source : ctx.options.metric_sources) res.body += source();
  return res;
}

HttpResponse get_page(const HttpRequest& /*request*/, ServerContext& ctx) { return file_response(ctx, "index.html"); }

HttpResponse get_asset(const HttpRequest& request, ServerContext& ctx) {
  return file_response(ctx, request.path_params.at("file"));
}

}  // namespace rasd::http
