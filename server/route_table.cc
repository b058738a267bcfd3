// The one route table. Parameters listed here are the only ones a route accepts, and the
// OpenAPI description is generated from the same list, so the two cannot drift apart.
#include "server/handlers.h"

namespace rasd::http {
namespace {

ParamSpec param(std::string name, ParamType type, std::string description, std::string example) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  p.description = std::move(description);
  p.example = std::move(example);
  return p;
}

ParamSpec text(std::string name, std::string description, std::string example) {
  return param(std::move(name), ParamType::String, std::move(description), std::move(example));
}

ParamSpec one_of(ParamSpec p, std::vector<std::string> choices) {
  p.choices = std::move(choices);
  return p;
}

ParamSpec required(ParamSpec p) {
  p.required = true;
  return p;
}

ParamSpec in_path(ParamSpec p) {
  p.in = ParamIn::Path;
  p.required = true;
  return p;
}

ParamSpec list_filter(const std::string& name, const std::string& what, const std::string& example) {
  ParamSpec p = text(name,
                     what + ": an id or an Arabic or English label; repeat the parameter or separate with commas (ORed)",
                     example);
  p.repeatable = true;
  return p;
}

std::vector<ParamSpec> search_params() {
  return {
      text("q", "query: words, \"phrases\", OR, -exclusions, prefix*, (groups)", "الأمن"),
      list_filter("country", "country filter (ISO 3166 alpha-2)", "EG"),
      list_filter("org", "organisation filter", "un"),
      list_filter("person", "person filter", "trump"),
      list_filter("place", "place filter", "gaza"),
      list_filter("source", "source filter", "bbc"),
      text("from", "published on or after: YYYY, YYYY-MM or YYYY-MM-DD", "2018-01"),
      text("to", "published on or before: YYYY, YYYY-MM or YYYY-MM-DD", "2018-12-31"),
      one_of(text("sort", "relevance (default) or date (newest first)", "date"), {"relevance", "date"}),
      param("page", ParamType::Integer, "1-based page number; page*size may not pass the deepest result (10000)", "2"),
      param("size", ParamType::Integer, "hits per page, 1 to 100 (default 10)", "20"),
      param("facets", ParamType::Boolean, "also count facets and the month histogram", "true"),
      param("collapse", ParamType::Boolean, "one hit per near-duplicate cluster (default true)", "false"),
      text("like", "more like this document id", "doc-1"),
  };
}

// The page keeps its whole state in its URL: the search plus an open document and the language.
std::vector<ParamSpec> page_params() {
  auto params = search_params();
  params.push_back(text("doc", "the document shown", "doc-1"));
  params.push_back(one_of(text("lang", "interface language", "en"), {"ar", "en"}));
  return params;
}

Route route(std::string method, std::string path, std::string name, std::string summary, Handler handler) {
  Route r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.name = std::move(name);
  r.summary = std::move(summary);
  r.handler = std::move(handler);
  return r;
}

Route with(Route r, std::vector<ParamSpec> params, std::string content_type = "application/json") {
  r.params = std::move(params);
  r.content_type = std::move(content_type);
  return r;
}

Route open_to_all(Route r) {
  r.access = Access::Public;
  r.express = true;
  return r;
}

Route changes_index(Route r) {
  r.access = Access::Write;
  r.body = BodyKind::JsonLines;
  return r;
}

}  // namespace

std::vector<Route> core_routes() {
  return {
      with(route("GET", "/api/search", "get_search",
                 "Search: ranked hits with snippets, facets and a month histogram", get_search),
           search_params()),
      with(route("GET", "/api/documents/{id}", "get_document",
                 "One stored document: cleaned text, entities with spans", get_document),
           {in_path(text("id", "document id", "doc-1"))}),
      changes_index(route("POST", "/api/documents", "post_documents",
                          "Bulk ingest of JSON Lines reports (write token)", post_documents)),
      with(route("GET", "/api/entities", "get_entities",
                 "Entity labels with document counts, for facets and autocomplete", get_entities),
           {required(one_of(text("type", "entity type", "country"), {"country", "org", "person", "place", "source"})),
            text("prefix", "start of an id or an Arabic or English label", "مص"),
            param("limit", ParamType::Integer, "how many, 1 to 100 (default 20)", "10")}),
      open_to_all(route("GET", "/api/openapi.json", "get_openapi", "This description", get_openapi)),
      open_to_all(route("GET", "/healthz", "get_healthz", "Liveness and index readability", get_healthz)),
      [] {
        Route r = with(route("GET", "/metrics", "get_metrics", "Prometheus metrics (read token)", get_metrics), {},
                       "text/plain; version=0.0.4");
        r.express = true;
        return r;
      }(),
      open_to_all(with(route("GET", "/", "get_page",
                             "The search page; its state (search parameters, doc, lang) is in the URL", get_page),
                       page_params(), "text/html")),
      open_to_all(with(route("GET", "/{file}", "get_asset", "A file of the search page", get_asset),
                       {in_path(text("file", "a file of the page (app.js, style.css, ...)", "app.js"))},
                       "text/javascript")),
  };
}

}  // namespace rasd::http
