#include "server/routes.h"

#include <algorithm>
#include <charconv>

#include "error/error.h"

namespace rasd::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_placeholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// A path segment a placeholder may take: non-empty and never a dot segment.
bool valid_value(const std::string& segment) { return !segment.empty() && segment != "." && segment != ".."; }

bool match_template(const std::string& templ, const std::string& path, std::map<std::string, std::string>& out) {
  if (templ == path) return true;
  const auto want = split_path(templ);
  const auto got = split_path(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_placeholder(want[i])) {
      if (!valid_value(got[i])) return false;
      found[want[i].substr(1, want[i].size() - 2)] = got[i];
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  out = std::move(found);
  return true;
}

void check_type(const ParamSpec& spec, const std::string& value) {
  if (!spec.choices.empty() && std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end())
    throw InvalidInput("parameter '" + spec.name + "' must be one of its documented values, not '" + value + "'");
  if (spec.type == ParamType::Integer) {
    long long n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size())
      throw InvalidInput("parameter '" + spec.name + "' must be an integer, not '" + value + "'");
  } else if (spec.type == ParamType::Boolean) {
    if (value != "true" && value != "false" && value != "1" && value != "0")
      throw InvalidInput("parameter '" + spec.name + "' must be true or false, not '" + value + "'");
  }
}

}  // namespace

RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
  RouteMatch result;
  // Exact paths win over templates ("/healthz" before "/{file}").
  for (int pass = 0; pass < 2; ++pass) {
    for (const Route& route : routes) {
      const bool templated = route.path.find('{') != std::string::npos;
      if (templated != (pass == 1)) continue;
      std::map<std::string, std::string> params;
      if (!match_template(route.path, path, params)) continue;
      result.path_known = true;
      result.allow += (result.allow.empty() ? "" : ", ") + route.method;
      if (route.method != method && !(method == "HEAD" && route.method == "GET")) continue;
      result.route = &route;
      result.path_params = std::move(params);
      return result;
    }
    if (result.path_known) return result;
  }
  return result;
}

void check_params(const Route& route, const HttpRequest& request) {
  std::map<std::string, int> seen;
  for (const auto& param : request.params) {
    const std::string& name = param.first;  // a plain reference: clang 14 cannot capture a binding
    const std::string& value = param.second;
    const auto spec = std::find_if(route.params.begin(), route.params.end(),
                                   [&](const ParamSpec& p) { return p.name == name && p.in == ParamIn::Query; });
    if (spec == route.params.end())
      throw InvalidInput("unknown parameter '" + name + "' for " + route.method + " " + route.path);
    if (++seen[name] > 1 && !spec->repeatable)
      throw InvalidInput("parameter '" + name + "' may be given only once");
    check_type(*spec, value);
  }
  for (const ParamSpec& spec : route.params)
    if (spec.required && spec.in == ParamIn::Query && seen.count(spec.name) == 0)
      throw InvalidInput("parameter '" + spec.name + "' is required");
}

}  // namespace rasd::http
