// Routing without sockets: finds the route, checks its parameters, token and content type, runs
// the handler, and turns any exception into a problem response. server.cc feeds it from httplib
// (the front door has checked the token and the framing before the body was read; dispatch
// checks again, so a caller without the front door, such as a test, gets the same rules).
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

/// Whether `method` changes state (POST, PUT, PATCH, DELETE).
bool changes_state(const std::string& method);

}  // namespace rasd::http
