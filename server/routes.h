// The server's one route table: method, path template, documented parameters and handler of
// every endpoint. The dispatcher, the parameter check and the OpenAPI description all read it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server/access.h"
#include "server/http_message.h"

namespace rasd::http {

struct ServerContext;

enum class ParamType { String, Integer, Boolean };
enum class ParamIn { Query, Path };

/// One documented request parameter; anything not listed is refused with a 400.
struct ParamSpec {
  std::string name;
  ParamType type = ParamType::String;
  std::string description;
  std::string example;  // a valid value: used by the OpenAPI description and its test
  ParamIn in = ParamIn::Query;
  bool repeatable = false;
  bool required = false;
  std::vector<std::string> choices;  // allowed values, when closed
};

using Handler = std::function<HttpResponse(const HttpRequest&, ServerContext&)>;

/// One endpoint.
struct Route {
  std::string method;  // "GET", "POST", "DELETE"
  std::string path;    // OpenAPI-style template: "/api/documents/{id}"
  std::string name;    // operationId and metrics label: verb_resource
  std::string summary;
  std::string content_type = "application/json";  // of a successful answer
  std::vector<ParamSpec> params;
  Handler handler;
  Access access = Access::Read;     // which token it needs (server/access.h)
  BodyKind body = BodyKind::None;   // what request body it takes
  std::size_t max_body = 0;         // bytes; 0: the server's --max-body
  bool express = false;             // served on the lane that never waits behind searches
};

/// The route that serves (method, path), with its path parameters filled.
struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> path_params;
  bool path_known = false;  // some route has this path, perhaps under another method
  std::string allow;        // the methods that path takes ("GET, POST"), for a 405
};

RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path);

/// Throws InvalidInput naming the first unknown, repeated, missing or ill-typed parameter.
void check_params(const Route& route, const HttpRequest& request);

}  // namespace rasd::http
