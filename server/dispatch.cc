#include "server/dispatch.h"

#include "server/problem.h"

namespace rasd::http {
namespace {

// Compares without an early exit, so response time does not reveal how much of a guess matched.
bool same_secret(const std::string& a, const std::string& b) {
  unsigned diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i]) ^ (i < b.size() ? b[i] : 0);
  return diff == 0;
}

}  // namespace

void authorize(const ServerContext& ctx, const HttpRequest& request) {
  if (ctx.token.empty())
    throw Forbidden("ingest over HTTP is disabled: start the server with --token-file FILE to allow it");
  const std::string prefix = "Bearer ";
  if (request.authorization.rfind(prefix, 0) != 0)
    throw Unauthorized("send the API token as 'Authorization: Bearer <token>'");
  if (!same_secret(request.authorization.substr(prefix.size()), ctx.token.get()))
    throw Unauthorized("the API token is wrong");
}

Dispatched dispatch(ServerContext& ctx, HttpRequest& request) {
  Dispatched out{{}, "no_route"};
  std::string allow;
  try {
    RouteMatch match = match_route(ctx.routes, request.method, request.path);
    if (!match.route) {
      allow = match.allow;
      if (match.path_known) throw MethodNotAllowed("method " + request.method + " is not allowed on " + request.path);
      throw NoRoute("nothing is served at " + request.path);
    }
    out.route = match.route->name;
    request.path_params = std::move(match.path_params);
    check_params(*match.route, request);
    if (match.route->needs_token) authorize(ctx, request);
    out.response = match.route->handler(request, ctx);
  } catch (...) {
    out.response = problem_response(problem_for(std::current_exception()), request.path);
    if (out.response.status == 405) out.response.headers.emplace_back("Allow", allow);
  }
  return out;
}

}  // namespace rasd::http
