// Hardening: body, header and URI limits, and static files that cannot escape web/.
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "tests/server/http_test_server.h"

using rasd::test::expect_problem;
using rasd::test::TestServer;

namespace {

const std::string kToken = "limits-write-token-0123456789";

TestServer& small_server() {
  static TestServer server([](rasd::http::ServerOptions& o) {
    o.write_token = kToken;
    o.max_body_bytes = 1024;
    o.max_header_count = 20;
  });
  return server;
}

/// Sends `raw` bytes as they are (no client-side normalisation) and returns the status line.
std::string raw_request(int port, const std::string& raw) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  ::send(fd, raw.data(), raw.size(), 0);
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
    reply.append(buf, static_cast<std::size_t>(n));
    if (reply.find("\r\n") != std::string::npos) break;
  }
  ::close(fd);
  return reply.substr(0, reply.find("\r\n"));
}

}  // namespace

TEST_CASE("a body over the limit is refused with 413") {
  const std::string body(4096, 'x');
  auto client = small_server().client();
  client.set_bearer_token_auth(kToken);
  expect_problem(client.Post("/api/documents", body, "application/x-ndjson"), 413);
}

TEST_CASE("too many header fields are refused with 431") {
  httplib::Headers headers;
  for (int i = 0; i < 30; ++i) headers.emplace("X-Filler-" + std::to_string(i), "1");
  expect_problem(small_server().client().Get("/healthz", headers), 431);
}

TEST_CASE("an oversize header line is 431 and an oversize URI 414") {
  httplib::Headers headers{{"X-Big", std::string(9000, 'b')}};
  expect_problem(small_server().client().Get("/healthz", headers), 431);
  expect_problem(small_server().get("/api/search?q=" + std::string(9000, 'a')), 414);
}

TEST_CASE("static files come only from the allow-list of web/") {
  const auto page = small_server().get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->body.find("dir=\"rtl\"") != std::string::npos);
  const auto js = small_server().get("/app.js");
  REQUIRE(js);
  CHECK(js->status == 200);
  CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  // The page's own URLs (its state) are accepted; foreign parameters are not.
  CHECK(small_server().get("/?q=x&country=EG&doc=a&lang=en")->status == 200);
  CHECK(small_server().get("/?evil=1")->status == 400);
  CHECK(small_server().get("/missing.js")->status == 404);
}

TEST_CASE("path traversal attempts never reach the file system") {
  const int port = small_server().port();
  const std::vector<std::string> targets = {
      "/../CMakeLists.txt",   "/..%2fCMakeLists.txt",      "/%2e%2e/CMakeLists.txt",
      "/web/../README.md",    "/..%5cREADME.md",           "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/....//README.md",     "/.gitignore",               "/app.js%00.html",
      "/static/../../../../etc/passwd", "//etc/passwd",    "/%252e%252e/README.md",
  };
  for (const std::string& target : targets) {
    CAPTURE(target);
    const std::string status = raw_request(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const bool refused = status.find(" 404 ") != std::string::npos || status.find(" 400 ") != std::string::npos;
    CHECK_MESSAGE(refused, status);
  }
}
