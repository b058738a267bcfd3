// A request and a response as the handlers see them: plain structs, so that only server.cc
// includes cpp-httplib and the handlers can be called (and tested) without a socket.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rasd::http {

/// One parsed HTTP request: what a handler may read.
struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path, no query string
  std::vector<std::pair<std::string, std::string>> params;  // query string, in order, repeats kept
  std::map<std::string, std::string> path_params;           // "{id}" segments of the route
  std::string body;
  std::string authorization;  // the Authorization header, "" when absent
  std::string content_type;

  /// All values of query parameter `name`, in order.
  std::vector<std::string> all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : params)
      if (k == name) out.push_back(v);
    return out;
  }
};

/// What a handler answers.
struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace rasd::http
