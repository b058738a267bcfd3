// A request as the server reads it: the head parser (bounds, framing), the admission decision
// (route, token, content type, framing), and the query parameters of the routes (the route
// table's check and the search parameters), on any bytes.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "error/error.h"
#include "server/admission.h"
#include "server/handlers.h"
#include "server/request_head.h"
#include "server/search_params.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<rasd::http::Route> routes = rasd::http::core_routes();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const rasd::http::HeadVerdict v = rasd::http::parse_request_head(bytes, {});
  if (v.state != rasd::http::HeadVerdict::State::Complete) return 0;
  rasd::http::AdmissionPolicy policy;
  policy.routes = &routes;
  policy.tokens = {"read-token-0123456789", "write-token-0123456789"};
  (void)rasd::http::admit_request(policy, v.head);

  rasd::http::HttpRequest request;
  request.method = v.head.method;
  const std::string& target = v.head.target;
  const auto q = target.find('?');
  request.path = httplib::detail::decode_url(target.substr(0, q), false);
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(q + 1), params);
    for (const auto& [k, value] : params) request.params.emplace_back(k, value);
  }
  const rasd::http::RouteMatch match = rasd::http::match_route(routes, request.method, request.path);
  if (!match.route) return 0;
  try {
    rasd::http::check_params(*match.route, request);
    if (match.route->name == "get_search") (void)rasd::http::parse_search(request, rasd::QueryLimits{});
  } catch (const rasd::Error&) {
    // a parameter refused with a message naming it
  }
  return 0;
}
