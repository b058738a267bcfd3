// The answers the front door sends itself (a refusal before any worker) and their bytes, which
// close the connection after them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "server/http_message.h"

namespace rasd::http {

/// A problem-details answer of the front door's own (status, its title, a detail sentence),
/// with `headers` (the server's own, e.g. security headers) added.
HttpResponse refusal_response(int status, const std::string& detail,
                              const std::vector<std::pair<std::string, std::string>>& headers);

/// The bytes of a complete HTTP/1.1 response that closes the connection (front-door refusals).
std::string closing_response_bytes(const HttpResponse& response);

}  // namespace rasd::http
