#include "server/admission.h"

#include <httplib.h>

#include "server/dispatch.h"
#include "server/problem.h"

namespace rasd::http {
namespace {

Admission refuse(const std::exception_ptr& error, const std::string& path, const std::string& allow,
                 const std::string& route) {
  Admission a;
  a.route = route;
  a.refusal = problem_response(problem_for(error), path.substr(0, 256));
  if (a.refusal->status == 405) a.refusal->headers.emplace_back("Allow", allow);
  return a;
}

void check_framing(const AdmissionPolicy& policy, const Route& route, const RequestHead& head) {
  const std::size_t limit = body_limit(policy, route);
  // httplib would read a POST without a length until the client closes: refuse it at once.
  const bool takes_content = head.method == "POST" || head.method == "PUT" || head.method == "PATCH";
  if (takes_content && !head.content_length && !head.chunked)
    throw LengthRequired("send the request with a Content-Length header (0 for no body)");
  if (route.body == BodyKind::None) {
    if (head.has_body()) throw InvalidInput(route.method + " " + route.path + " takes no request body");
    return;
  }
  if (head.chunked) {
    if (route.body != BodyKind::JsonLines)
      throw LengthRequired("send this body with a Content-Length header (chunked bodies are taken only by POST /api/documents)");
    return;  // capped as it is read (server.cc)
  }
  if (*head.content_length > limit)
    throw PayloadTooLarge("the body of " + std::to_string(*head.content_length) + " bytes is larger than the " +
                              std::to_string(limit) + " bytes " + route.method + " " + route.path + " accepts",
                          route.body == BodyKind::JsonLines ? "max_body" : "max_alert_body");
}

}  // namespace

std::size_t body_limit(const AdmissionPolicy& policy, const Route& route) {
  return route.max_body ? route.max_body : policy.max_body;
}

Admission admit_request(const AdmissionPolicy& policy, const RequestHead& head) {
  const std::string path = httplib::detail::decode_url(std::string(head.raw_path()), false);
  std::string allow, name = "no_route";
  try {
    if (policy.loopback_only && !is_loopback_authority(head.field("host")))
      throw MisdirectedRequest("this server listens on loopback only and answers to localhost or 127.0.0.1, not '" +
                               head.field("host").substr(0, 100) + "'");
    RouteMatch match = match_route(*policy.routes, head.method, path);
    if (!match.route) {
      allow = match.allow;
      if (match.path_known) throw MethodNotAllowed("method " + head.method + " is not allowed on " + path);
      throw NoRoute("nothing is served at " + path);
    }
    const Route& route = *match.route;
    name = route.name;
    check_access(policy.tokens, route.access, head.field("authorization"));
    if (changes_state(head.method) && route.body != BodyKind::None && head.has_body())
      check_content_type(route.body, head.field("content-type"));
    check_framing(policy, route, head);
    Admission a;
    a.lane = route.express ? Lane::Express : Lane::Normal;
    a.route = name;
    return a;
  } catch (...) {
    return refuse(std::current_exception(), path, allow, name);
  }
}

}  // namespace rasd::http
