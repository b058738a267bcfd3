// What the front door decides about a complete request head before any body is read: the Host
// (a loopback server answers only to loopback names), the route, the token, the content type of
// a change, and the framing of the body (411 without a length, 413 over the route's bound,
// chunked only where a stream of reports is taken). Runs on the front door's thread: no I/O.
#pragma once

#include <vector>

#include "server/access.h"
#include "server/front_door.h"
#include "server/request_head.h"
#include "server/routes.h"

namespace rasd::http {

struct AdmissionPolicy {
  const std::vector<Route>* routes = nullptr;
  Tokens tokens;
  bool loopback_only = true;   // bound to loopback: the Host header must name a loopback address
  std::size_t max_body = 32u << 20;        // routes whose max_body is 0
};

/// Admits the request onto a lane, or carries the refusal to send.
Admission admit_request(const AdmissionPolicy& policy, const RequestHead& head);

/// The body bound of `route` under `policy`.
std::size_t body_limit(const AdmissionPolicy& policy, const Route& route);

}  // namespace rasd::http
