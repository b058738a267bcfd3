// Every limit a request can pass maps to its status and names itself (RFC 9457 'limit' member).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/problem.h"

using namespace rasd::http;

TEST_CASE("problems: a search stopped by its time limit is 503 naming the limit; other limits 400/413/415/411") {
  const auto status_of = [](auto error) { return problem_for(std::make_exception_ptr(error)); };
  const Problem timeout = status_of(rasd::SearchTimeout("stopped", "max_search_ms"));
  CHECK(timeout.status == 503);
  CHECK(timeout.limit == "max_search_ms");
  CHECK(timeout.type == "urn:rasd:problem:search-time-limit");
  const auto body = nlohmann::json::parse(problem_response(timeout, "/api/search").body);
  CHECK(body["limit"] == "max_search_ms");
  CHECK(status_of(rasd::LimitExceeded("x", "max_wildcards")).status == 400);
  CHECK(status_of(PayloadTooLarge("x")).status == 413);
  CHECK(status_of(UnsupportedMediaType("x")).status == 415);
  CHECK(status_of(LengthRequired("x")).status == 411);
  CHECK(status_of(MisdirectedRequest("x")).status == 421);
  CHECK(status_of(Overloaded("x")).status == 503);
  CHECK(status_of(Unauthorized("x")).status == 401);
  CHECK(status_of(Forbidden("x")).status == 403);
}
