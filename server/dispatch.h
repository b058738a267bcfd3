// Routing without sockets: finds the route, checks its parameters and token, runs the handler,
// and turns any exception into a problem response. server.cc feeds it from httplib; tests may
// call it directly.
#pragma once

#include <string>

#include "server/context.h"
#include "server/http_message.h"

namespace rasd::http {

/// A response and the name of the route that produced it ("no_route" when none did).
struct Dispatched {
  HttpResponse response;
  std::string route;
};

Dispatched dispatch(ServerContext& ctx, HttpRequest& request);

/// Throws Forbidden when ingest is disabled, Unauthorized when the bearer token is wrong.
void authorize(const ServerContext& ctx, const HttpRequest& request);

}  // namespace rasd::http
