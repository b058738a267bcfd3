#include "server/problem.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace rasd::http {
namespace {

Problem make(int status, const std::string& slug, const std::string& title, const std::string& detail) {
  return {status, "urn:rasd:problem:" + slug, title, detail};
}

Problem with_limit(Problem p, const std::string& limit) {
  p.limit = limit;
  return p;
}

}  // namespace

// Order matters: the most derived types first.
Problem problem_for(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const Unauthorized& e) {
    return make(401, "unauthorized", "Missing or wrong API token", e.what());
  } catch (const Forbidden& e) {
    return make(403, "forbidden", "Not allowed", e.what());
  } catch (const UnsupportedMediaType& e) {
    return make(415, "unsupported-media-type", "Unsupported media type", e.what());
  } catch (const LengthRequired& e) {
    return make(411, "length-required", "Length required", e.what());
  } catch (const MisdirectedRequest& e) {
    return make(421, "misdirected-request", "Not this server's name", e.what());
  } catch (const Overloaded& e) {
    return make(503, "overloaded", "Server busy", e.what());
  } catch (const SearchTimeout& e) {
    return with_limit(make(503, "search-time-limit", "Search stopped by its time limit", e.what()), e.limit());
  } catch (const PayloadTooLarge& e) {
    return make(413, "payload-too-large", "Request body too large", e.what());
  } catch (const HeadersTooLarge& e) {
    return make(431, "headers-too-large", "Request header fields too large", e.what());
  } catch (const LimitExceeded& e) {
    return with_limit(make(400, "limit-exceeded", "Request exceeds a limit", e.what()), e.limit());
  } catch (const MethodNotAllowed& e) {
    return make(405, "method-not-allowed", "Method not allowed", e.what());
  } catch (const InvalidInput& e) {
    return make(400, "invalid-input", "Invalid request", e.what());
  } catch (const NoRoute& e) {
    return make(404, "no-route", "No such resource", e.what());
  } catch (const NotFound& e) {
    return make(404, "not-found", "Not found", e.what());
  } catch (const VersionMismatch& e) {
    return make(503, "index-version", "Index must be rebuilt", e.what());
  } catch (const IndexError& e) {
    return make(503, "index-unavailable", "Index unavailable", e.what());
  } catch (const Xapian::DatabaseLockError& e) {
    return make(503, "index-locked", "Index locked by another writer",
                "another process is writing to the index; retry shortly (" + e.get_msg() + ")");
  } catch (const Xapian::DatabaseModifiedError& e) {
    return make(503, "index-busy", "Index changed during the request", "retry the request");
  } catch (const Xapian::DatabaseError& e) {
    return make(503, "index-unavailable", "Index unavailable", e.get_msg());
  } catch (const Error& e) {
    return make(500, "internal", "Internal error", e.what());
  } catch (...) {
    return make(500, "internal", "Internal error", "the server could not complete the request");
  }
}

Problem problem_for_status(int status) {
  switch (status) {
    case 400: return make(400, "bad-request", "Bad request", "the request could not be parsed");
    case 404: return make(404, "no-route", "No such resource", "nothing is served at this path");
    case 411: return make(411, "length-required", "Length required", "send the body with a Content-Length header");
    case 413: return make(413, "payload-too-large", "Request body too large", "the body exceeds the server's limit");
    case 414: return make(414, "uri-too-long", "Request URI too long", "the request line exceeds the server's limit");
    case 416: return make(416, "range", "Range not satisfiable", "the requested range is not available");
    default: return make(status, "http-" + std::to_string(status), "HTTP error", "the request failed");
  }
}

HttpResponse problem_response(const Problem& problem, const std::string& instance) {
  nlohmann::json body = {{"type", problem.type},
                         {"title", problem.title},
                         {"status", problem.status},
                         {"detail", problem.detail},
                         {"instance", instance}};
  if (!problem.limit.empty()) body["limit"] = problem.limit;
  HttpResponse res;
  res.status = problem.status;
  res.content_type = "application/problem+json";
  res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (problem.status == 503 || problem.status == 429) res.headers.emplace_back("Retry-After", "1");
  if (problem.status == 401) res.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"rasd\"");
  return res;
}

}  // namespace rasd::http
