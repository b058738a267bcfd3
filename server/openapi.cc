#include "server/openapi.h"

namespace rasd::http {
namespace {

using nlohmann::json;

json schema_of(const ParamSpec& p) {
  json schema;
  switch (p.type) {
    case ParamType::Integer: schema["type"] = "integer"; break;
    case ParamType::Boolean: schema["type"] = "boolean"; break;
    case ParamType::String: schema["type"] = "string"; break;
  }
  if (!p.choices.empty()) schema["enum"] = p.choices;
  if (p.repeatable) return {{"type", "array"}, {"items", schema}};
  return schema;
}

// The example in the parameter's own type (a number for an integer, true for a boolean).
json example_of(const ParamSpec& p) {
  json value = p.example;
  if (p.type == ParamType::Integer) value = std::stoll(p.example);
  if (p.type == ParamType::Boolean) value = p.example == "true" || p.example == "1";
  return p.repeatable ? json::array({value}) : value;
}

json parameter(const ParamSpec& p) {
  json out = {{"name", p.name},
              {"in", p.in == ParamIn::Path ? "path" : "query"},
              {"description", p.description},
              {"required", p.required || p.in == ParamIn::Path},
              {"schema", schema_of(p)},
              {"example", example_of(p)}};
  if (p.repeatable) {
    out["style"] = "form";
    out["explode"] = true;
  }
  return out;
}

json problem_response(const std::string& why) {
  return {{"description", why},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

json security_of(Access access) {
  switch (access) {
    case Access::Public: return json::array();
    case Access::Read: return json::array({{{"readToken", json::array()}}, {{"writeToken", json::array()}}});
    case Access::Write: return json::array({{{"writeToken", json::array()}}});
  }
  return json::array();
}

json request_body(BodyKind kind) {
  if (kind == BodyKind::Json)
    return {{"required", true}, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  return {{"required", true},
          {"content",
           {{"application/x-ndjson", {{"schema", {{"type", "string"}, {"description", "one JSON report per line"}}}}}}}};
}

json success(const Route& route) {
  const std::string media = route.content_type.substr(0, route.content_type.find(';'));
  if (route.method == "DELETE") return {{"description", "done"}};
  const json schema = media == "application/json" ? json{{"type", "object"}} : json{{"type", "string"}};
  json content = json::object();
  content[media] = {{"schema", schema}};
  return {{"description", route.method == "POST" && route.name != "post_documents" ? "created" : "OK"},
          {"content", content}};
}

json operation(const Route& route) {
  json params = json::array();
  for (const ParamSpec& p : route.params) params.push_back(parameter(p));
  json responses = {{"400", problem_response("bad or unknown parameter, or a limit exceeded")},
                    {"404", problem_response("no such resource")},
                    {"421", problem_response("the Host header does not name this server (a loopback server answers to localhost only)")},
                    {"429", problem_response("too many connections from this address")},
                    {"431", problem_response("too many or too large header fields")},
                    {"503", problem_response("index unavailable or busy, a search stopped by its time limit, or every slot busy; retry")}};
  const std::string code = route.method == "DELETE" ? "204" : route.method == "POST" && route.name != "post_documents" ? "201" : "200";
  responses[code] = success(route);
  if (route.access != Access::Public) {
    responses["401"] = problem_response("missing or wrong bearer token");
    responses["403"] = problem_response("the token does not allow this, or changes are disabled (no write token)");
  }
  json op = {{"operationId", route.name}, {"summary", route.summary}, {"parameters", params},
             {"responses", responses}, {"security", security_of(route.access)}};
  if (route.body != BodyKind::None) {
    op["requestBody"] = request_body(route.body);
    op["responses"]["411"] = problem_response("a body without Content-Length (chunked is taken only by POST /api/documents)");
    op["responses"]["413"] = problem_response("body larger than the route accepts");
    op["responses"]["415"] = problem_response("a Content-Type other than JSON (forms and text/plain are refused)");
  }
  return op;
}

}  // namespace

json openapi_spec(const std::vector<Route>& routes) {
  json paths = json::object();
  for (const Route& route : routes) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation(route);
  }
  const json problem = {
      {"type", "object"},
      {"required", {"type", "title", "status", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"instance", {{"type", "string"}}},
        {"limit", {{"type", "string"}, {"description", "the bound that was passed, when one was"}}}}}};
  const json schemes = {
      {"readToken",
       {{"type", "http"},
        {"scheme", "bearer"},
        {"description", "the read token (--read-token-file or RASD_READ_TOKEN): searches, documents, entities, "
                        "alerts and metrics. Not needed when the server has none (loopback only)."}}},
      {"writeToken",
       {{"type", "http"},
        {"scheme", "bearer"},
        {"description", "the write token (--write-token-file or RASD_WRITE_TOKEN): ingest and every change to "
                        "alerts; it also allows everything the read token does."}}}};
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "rasd"}, {"version", "0.1.0"},
                    {"license", {{"name", "Proprietary"}}},
                    {"description", "Full-text search over Arabic security reporting. Errors are RFC 9457 "
                                    "problem details; unknown parameters are refused. Access: docs/SECURITY.md."}}},
          {"servers", json::array({{{"url", "/"}, {"description", "the server that serves this document"}}})},
          {"paths", paths},
          {"components", {{"schemas", {{"Problem", problem}}}, {"securitySchemes", schemes}}}};
}

}  // namespace rasd::http
