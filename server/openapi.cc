#include "server/openapi.h"

namespace rasd::http {
namespace {

nlohmann::json schema_of(const ParamSpec& p) {
  nlohmann::json schema;
  switch (p.type) {
    case ParamType::Integer: schema["type"] = "integer"; break;
    case ParamType::Boolean: schema["type"] = "boolean"; break;
    case ParamType::String: schema["type"] = "string"; break;
  }
  if (!p.choices.empty()) schema["enum"] = p.choices;
  if (p.repeatable) return {{"type", "array"}, {"items", schema}};
  return schema;
}

nlohmann::json parameter(const ParamSpec& p) {
  nlohmann::json out = {{"name", p.name},
                        {"in", p.in == ParamIn::Path ? "path" : "query"},
                        {"description", p.description},
                        {"required", p.required || p.in == ParamIn::Path},
                        {"schema", schema_of(p)},
                        {"example", p.example}};
  if (p.repeatable) {
    out["style"] = "form";
    out["explode"] = true;
  }
  return out;
}

nlohmann::json problem_response(const std::string& why) {
  return {{"description", why},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

nlohmann::json operation(const Route& route) {
  nlohmann::json params = nlohmann::json::array();
  for (const ParamSpec& p : route.params) params.push_back(parameter(p));
  const std::string media = route.content_type.substr(0, route.content_type.find(';'));
  nlohmann::json responses = {
      {"200", {{"description", "OK"}, {"content", {{media, nlohmann::json::object()}}}}},
      {"400", problem_response("bad or unknown parameter, or a limit exceeded")},
      {"404", problem_response("no such resource")},
      {"503", problem_response("index unavailable, locked or being changed; retry")}};
  nlohmann::json op = {{"operationId", route.name}, {"summary", route.summary}, {"parameters", params},
                       {"responses", responses}};
  if (route.needs_token) {
    op["security"] = nlohmann::json::array({{{"bearer", nlohmann::json::array()}}});
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/x-ndjson", {{"schema", {{"type", "string"}}}}}}}};
    op["responses"]["401"] = problem_response("missing or wrong bearer token");
    op["responses"]["403"] = problem_response("ingest disabled: the server has no --token-file");
    op["responses"]["413"] = problem_response("body larger than the server accepts");
  }
  return op;
}

}  // namespace

nlohmann::json openapi_spec(const std::vector<Route>& routes) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation(route);
  }
  const nlohmann::json problem = {
      {"type", "object"},
      {"required", {"type", "title", "status", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"instance", {{"type", "string"}}}}}};
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "rasd"}, {"version", "0.1.0"},
                    {"description", "Full-text search over Arabic security reporting. Errors are RFC 9457 "
                                    "problem details; unknown parameters are refused."}}},
          {"paths", paths},
          {"components",
           {{"schemas", {{"Problem", problem}}},
            {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace rasd::http
