// RFC 9457 problem details, and the ONE place that maps rasd's exception types to HTTP statuses.
#pragma once

#include <exception>
#include <string>

#include "error/error.h"
#include "server/http_message.h"

namespace rasd::http {

/// The request lacks valid credentials for an endpoint that needs them (401).
class Unauthorized : public Error {
 public:
  using Error::Error;
};

/// The endpoint is switched off by configuration or the credentials do not allow it (403).
class Forbidden : public Error {
 public:
  using Error::Error;
};

/// A request body or header set is larger than the server accepts (413 / 431 by subclass).
class PayloadTooLarge : public LimitExceeded {
 public:
  using LimitExceeded::LimitExceeded;
};

/// Too many or too large request header fields (431).
class HeadersTooLarge : public LimitExceeded {
 public:
  using LimitExceeded::LimitExceeded;
};

/// A body with a media type the route does not take (415): forms and text/plain above all.
class UnsupportedMediaType : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// A body without a length where one is needed (411).
class LengthRequired : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// The Host header does not name this server (421): the DNS-rebinding guard of a loopback server.
class MisdirectedRequest : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// Every search slot stayed busy for as long as a request may wait for one (503).
class Overloaded : public Error {
 public:
  using Error::Error;
};

/// No route for this path (404) or no such method on the path (405).
class NoRoute : public NotFound {
 public:
  using NotFound::NotFound;
};
class MethodNotAllowed : public InvalidInput {
 public:
  using InvalidInput::InvalidInput;
};

/// One problem-details object (application/problem+json).
struct Problem {
  int status = 500;
  std::string type;   // "urn:rasd:problem:<slug>"
  std::string title;  // short, fixed per type
  std::string detail; // this occurrence, in one sentence
  std::string limit{};  // the bound that was passed (an extension member), "" when none
};

/// Maps the exception in `error` to a problem; unknown exceptions become a 500 that does not
/// leak internals.
Problem problem_for(std::exception_ptr error);

/// A problem for a status httplib produced itself (bad request line, oversize URI or body).
Problem problem_for_status(int status);

/// The response carrying `problem`, with `instance` set to the request path.
HttpResponse problem_response(const Problem& problem, const std::string& instance);

}  // namespace rasd::http
