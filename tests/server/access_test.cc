// The access model (server/access.h) and the request head parser (server/request_head.h),
// without sockets: tables of input -> decision.
#include <doctest/doctest.h>

#include "server/access.h"
#include "server/problem.h"
#include "server/request_head.h"

using namespace rasd::http;

TEST_CASE("access: which token grants what") {
  const Tokens both{"read-token-0123456789", "write-token-0123456789"};
  const Tokens write_only{"", "write-token-0123456789"};
  const Tokens none{};
  const std::string r = "Bearer read-token-0123456789", w = "Bearer write-token-0123456789";
  CHECK_NOTHROW(check_access(none, Access::Read, ""));        // loopback, no read token: reads open
  CHECK_THROWS_AS(check_access(none, Access::Write, w), Forbidden);  // no write token: changes off
  CHECK_NOTHROW(check_access(both, Access::Public, ""));
  CHECK_THROWS_AS(check_access(both, Access::Read, ""), Unauthorized);
  CHECK_NOTHROW(check_access(both, Access::Read, r));
  CHECK_NOTHROW(check_access(both, Access::Read, w));
  CHECK_NOTHROW(check_access(both, Access::Read, "bearer  read-token-0123456789 "));
  CHECK_THROWS_AS(check_access(both, Access::Write, r), Forbidden);
  CHECK_THROWS_AS(check_access(both, Access::Write, "Bearer write-token-012345678"), Unauthorized);  // one short
  CHECK_THROWS_AS(check_access(both, Access::Write, "Basic d3JpdGU="), Unauthorized);
  CHECK_NOTHROW(check_access(write_only, Access::Write, w));
  CHECK_NOTHROW(check_access(write_only, Access::Read, ""));
}

TEST_CASE("access: changes take JSON only; hosts must name loopback") {
  CHECK_NOTHROW(check_content_type(BodyKind::Json, "application/json; charset=utf-8"));
  CHECK_NOTHROW(check_content_type(BodyKind::JsonLines, "application/x-ndjson"));
  for (const char* t : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""}) {
    CAPTURE(t);
    CHECK_THROWS_AS(check_content_type(BodyKind::Json, t), UnsupportedMediaType);
  }
  for (const char* h : {"localhost", "localhost:8080", "127.0.0.1:1", "127.9.9.9", "[::1]:8080", "LOCALHOST"}) {
    CAPTURE(h);
    CHECK(is_loopback_authority(h));
  }
  for (const char* h : {"", "evil.example", "evil.example:8080", "10.0.0.1", "[::2]:80", "localhost.evil.example", "127.0.0.1.nip.io"}) {
    CAPTURE(h);
    CHECK_FALSE(is_loopback_authority(h));
  }
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_FALSE(is_loopback_host("::"));
  CHECK(same_secret("abc", "abc"));
  CHECK_FALSE(same_secret("abc", "abd"));
  CHECK_FALSE(same_secret("abc", "abcd"));
}

TEST_CASE("request head: bounds and framing") {
  const HeadLimits limits;
  using S = HeadVerdict::State;
  const struct {
    std::string bytes;
    S state;
    int status;
  } cases[] = {
      {"GET / HTTP/1.1\r\nHost: a\r\n\r\n", S::Complete, 0},
      {"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", S::Complete, 0},
      {"GET / HTTP/1.1\r\nHost: a\r\n", S::Incomplete, 0},
      {"GET / HTTP/1.0\r\n\r\n", S::Complete, 0},
      {"GET / HTTP/2.0\r\nHost: a\r\n\r\n", S::Refused, 505},
      {"GET http://x/ HTTP/1.1\r\nHost: a\r\n\r\n", S::Refused, 400},
      {"GET  / HTTP/1.1\r\nHost: a\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nX: a\x01" "b\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n", S::Refused, 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", S::Refused, 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", S::Refused, 400},
      {"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", S::Refused, 501},
      {"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", S::Refused, 501},
      {"GET /" + std::string(9000, 'a'), S::Refused, 414},
      {"GET / HTTP/1.1\r\nX: " + std::string(9000, 'a'), S::Refused, 431},
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes.substr(0, 80));
    const HeadVerdict v = parse_request_head(c.bytes, limits);
    CHECK(v.state == c.state);
    if (c.state == S::Refused) {
      CHECK(v.status == c.status);
      CHECK(!v.detail.empty());
    }
  }
  std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 64; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  CHECK(parse_request_head(many + "\r\n", limits).status == 431);
  const HeadVerdict ok = parse_request_head("POST /a?b=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\nConnection: close\r\n\r\nbody", limits);
  REQUIRE(ok.state == S::Complete);
  CHECK(ok.head.content_length == 12u);
  CHECK_FALSE(ok.head.keep_alive);
  CHECK(ok.head.raw_path() == "/a");
  CHECK(ok.head.size == std::string("POST /a?b=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\nConnection: close\r\n\r\n").size());
}
