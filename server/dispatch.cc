#include "server/dispatch.h"

#include "server/problem.h"

namespace rasd::http {

bool changes_state(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
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
    check_access(ctx.tokens.get(), match.route->access, request.authorization);
    if (changes_state(request.method) && match.route->body != BodyKind::None)
      check_content_type(match.route->body, request.content_type);
    check_params(*match.route, request);
    out.response = match.route->handler(request, ctx);
  } catch (...) {
    out.response = problem_response(problem_for(std::current_exception()), request.path);
    if (out.response.status == 405) out.response.headers.emplace_back("Allow", allow);
  }
  return out;
}

}  // namespace rasd::http
