// The attacks of docs/SECURITY.md against a real server on 127.0.0.1, each bounded in count and
// time: unauthenticated and cross-site changes, bodies without a length or past their bound
// (chunked too), lying framing, oversize and slow heads, connection floods from one address,
// health checks behind busy workers, oversize and broken alerts, wildcard floods.
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "server/alerts_runtime.h"
#include "tests/server/http_test_server.h"
#include "tests/server/raw_client.h"

using rasd::test::expect_problem;
using rasd::test::json_of;
using rasd::test::RawClient;
using rasd::test::TestServer;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

const std::string kWrite = "attack-write-token-0123456789";
const std::string kRead = "attack-read-token-0123456789";

/// A server with both tokens, alerts, two normal workers, a 1 s head deadline and at most six
/// connections per client address.
struct Target {
  rasd::test::TempDir alerts_dir;
  std::unique_ptr<rasd::http::AlertsRuntime> runtime;
  TestServer server;

  Target()
      : server([this](rasd::http::ServerOptions& o) {
          o.write_token = kWrite;
          o.read_token = kRead;
          o.threads = 2;
          o.max_client_connections = 6;
          o.head_timeout = 1000ms;
          o.max_body_bytes = 64 * 1024;
          o.alerts_file = alerts_dir / "alerts.sqlite";
          rasd::http::AlertsServeOptions a;
          a.webhook_allow = {"hooks.example.org"};
          a.tick = std::chrono::seconds(3600);
          runtime = std::make_unique<rasd::http::AlertsRuntime>(o, a);
        }) {}

  httplib::Client as(const std::string& token) const {
    auto c = server.client();
    if (!token.empty()) c.set_bearer_token_auth(token);
    return c;
  }
  std::size_t alerts() const { return json_of(as(kRead).Get("/api/alerts"))["alerts"].size(); }
  std::string head(const std::string& request_line, const std::string& fields) const {
    return request_line + "\r\nHost: 127.0.0.1:" + std::to_string(server.port()) + "\r\n" + fields + "\r\n";
  }
};

Target& target() {
  static Target t;
  return t;
}

const std::string kAlert = R"({"name":"houthi","query":"الحوثيين","every":"1h"})";

}  // namespace

TEST_CASE("attack: no change without the write token, and reads need the read token") {
  Target& t = target();
  const std::size_t before = t.alerts();
  expect_problem(t.as("").Post("/api/alerts", kAlert, "application/json"), 401);
  expect_problem(t.as("wrong-token-wrong-token").Post("/api/alerts", kAlert, "application/json"), 401);
  expect_problem(t.as(kRead).Post("/api/alerts", kAlert, "application/json"), 403);
  expect_problem(t.as("").Delete("/api/alerts/1"), 401);
  expect_problem(t.as(kRead).Delete("/api/alerts/1"), 403);
  expect_problem(t.as("").Post("/api/documents", "{}\n", "application/x-ndjson"), 401);
  CHECK(t.alerts() == before);

  for (const char* path : {"/api/search?q=x", "/api/alerts", "/api/documents/doc-1", "/api/entities?type=country", "/metrics"}) {
    CAPTURE(path);
    expect_problem(t.as("").Get(path), 401);
    CHECK(t.as(kRead).Get(path)->status != 401);
    CHECK(t.as(kWrite).Get(path)->status != 401);  // the write token reads too
  }
  CHECK(t.as("").Get("/healthz")->status == 200);
  CHECK(t.as("").Get("/")->status == 200);
}

TEST_CASE("attack: a cross-site form or text/plain POST is refused even with a token, and a foreign Host too") {
  Target& t = target();
  const std::size_t before = t.alerts();
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    CAPTURE(type);
    expect_problem(t.as(kWrite).Post("/api/alerts", kAlert, type), 415);
  }
  CHECK(t.alerts() == before);
  // A page whose name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own name as Host.
  RawClient c(t.server.port());
  c.send("GET /api/search?q=x HTTP/1.1\r\nHost: attacker.example:8080\r\nAuthorization: Bearer " + kRead + "\r\n\r\n");
  CHECK(c.status() == 421);
}

TEST_CASE("attack: the token is checked before the body: a huge unauthenticated chunked POST is answered at once") {
  Target& t = target();
  RawClient c(t.server.port());
  const auto start = Clock::now();
  REQUIRE(c.send(t.head("POST /api/documents HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Type: application/x-ndjson\r\n")));
  c.send("100000\r\n" + std::string(4096, 'x'));  // the start of a 1 MiB chunk, never finished
  CHECK(c.status() == 401);
  CHECK(Clock::now() - start < 1500ms);
}

TEST_CASE("attack: chunked bodies are capped, and refused where a length is needed") {
  Target& t = target();
  {
    RawClient c(t.server.port());
    c.send(t.head("POST /api/documents HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Type: application/x-ndjson\r\n"
                  "Authorization: Bearer " + kWrite + "\r\n"));
    const std::string chunk(16 * 1024, 'x');
    for (int i = 0; i < 8; ++i)  // 128 KiB against a 64 KiB bound
      if (!c.send("4000\r\n" + chunk + "\r\n")) break;
    c.send("0\r\n\r\n");
    CHECK(c.status() == 413);
  }
  {
    RawClient c(t.server.port());
    c.send(t.head("POST /api/alerts HTTP/1.1", "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
                  "Authorization: Bearer " + kWrite + "\r\n") + "5\r\n{...}\r\n0\r\n\r\n");
    CHECK(c.status() == 411);
  }
}

TEST_CASE("attack: framing that two parsers could read two ways is refused; a POST without a length gets 411 at once") {
  Target& t = target();
  const std::string auth = "Authorization: Bearer " + kWrite + "\r\nContent-Type: application/json\r\n";
  const struct {
    const char* fields;
    int status;
  } cases[] = {
      {"Content-Length: 1, 2\r\n", 400},
      {"Content-Length: 2\r\nContent-Length: 2\r\n", 400},
      {"Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", 400},
      {"Transfer-Encoding: gzip, chunked\r\n", 501},
      {"Content-Length: -1\r\n", 400},
      {"Content-Length : 2\r\n", 400},
      {"", 411},
  };
  for (const auto& k : cases) {
    CAPTURE(k.fields);
    RawClient c(t.server.port());
    const auto start = Clock::now();
    c.send(t.head("POST /api/alerts HTTP/1.1", auth + k.fields));
    CHECK(c.status() == k.status);
    CHECK(Clock::now() - start < 1000ms);
  }
  RawClient no_host(t.server.port());
  no_host.send("GET /healthz HTTP/1.1\r\n\r\n");
  CHECK(no_host.status() == 400);
  RawClient folded(t.server.port());
  folded.send(t.head("GET /healthz HTTP/1.1", "X-A: 1\r\n  folded\r\n"));
  CHECK(folded.status() == 400);
}

TEST_CASE("attack: an oversize header line is refused after its first 8 KiB, not read whole") {
  Target& t = target();
  RawClient c(t.server.port());
  c.send("GET /healthz HTTP/1.1\r\nX-Big: ");
  bool cut = false;
  const std::string block(64 * 1024, 'b');
  for (int i = 0; i < 800 && !cut; ++i) cut = !c.send(block);  // up to 50 MiB
  CHECK(c.status() == 431);
  RawClient many(t.server.port());
  std::string fields;
  for (int i = 0; i < 70; ++i) fields += "X-F" + std::to_string(i) + ": 1\r\n";
  many.send(t.head("GET /healthz HTTP/1.1", fields));
  CHECK(many.status() == 431);
  RawClient uri(t.server.port());
  uri.send("GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(uri.status() == 414);
}

TEST_CASE("attack: a head trickled a line at a time is cut at its deadline, not kept alive by each byte") {
  Target& t = target();
  RawClient c(t.server.port());
  const auto start = Clock::now();
  c.send("GET /healthz HTTP/1.1\r\n");
  int status = 0;
  for (int i = 0; i < 20 && status == 0; ++i) {  // a header line every 200 ms, for at most 4 s
    std::this_thread::sleep_for(200ms);
    if (!c.send("X-Slow-" + std::to_string(i) + ": 1\r\n")) break;
    status = c.status(10ms);
  }
  if (status == 0) status = c.status(2000ms);
  CHECK(status == 408);
  const auto took = Clock::now() - start;
  CHECK(took >= 900ms);
  CHECK(took < 2500ms);
}

TEST_CASE("attack: one address may hold only so many connections; others still get in") {
  Target& t = target();
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 6; ++i) {
    held.push_back(std::make_unique<RawClient>(t.server.port(), "127.0.0.9"));
    held.back()->send("GET /healthz HTTP/1.1\r\n");  // an unfinished head keeps it open
  }
  std::this_thread::sleep_for(100ms);
  RawClient extra(t.server.port(), "127.0.0.9");
  CHECK(extra.status() == 429);
  RawClient other(t.server.port(), "127.0.0.1");  // another address is not affected
  other.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  CHECK(other.status() == 200);
}

TEST_CASE("attack: /healthz answers while every normal worker is held by a slow upload") {
  Target& t = target();
  std::vector<std::unique_ptr<RawClient>> uploads;
  for (int i = 0; i < 3; ++i) {  // two workers, and one more waiting in the queue
    uploads.push_back(std::make_unique<RawClient>(t.server.port(), "127.0.0.7"));
    uploads.back()->send(t.head("POST /api/documents HTTP/1.1", "Content-Length: 60000\r\nContent-Type: application/x-ndjson\r\n"
                                "Authorization: Bearer " + kWrite + "\r\n") + "{");
  }
  std::this_thread::sleep_for(200ms);
  for (int i = 0; i < 5; ++i) {
    const auto start = Clock::now();
    const auto res = t.as("").Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(Clock::now() - start < 500ms);
  }
}

TEST_CASE("attack: alert fields are bounded and a query that cannot run is refused at creation") {
  Target& t = target();
  const std::size_t before = t.alerts();
  auto w = t.as(kWrite);
  {  // a 10 MB alert: refused from its head, before any of the body is read
    RawClient c(t.server.port());
    c.send(t.head("POST /api/alerts HTTP/1.1", "Content-Length: 10485760\r\nContent-Type: application/json\r\n"
                  "Authorization: Bearer " + kWrite + "\r\n") + R"({"name":")");
    CHECK(c.status() == 413);
  }
  const std::string long_name = R"({"name":")" + std::string(300, 'n') + R"(","query":"x"})";
  CHECK(expect_problem(w.Post("/api/alerts", long_name, "application/json"), 400)["detail"].get<std::string>().find("name") !=
        std::string::npos);
  CHECK(expect_problem(w.Post("/api/alerts", R"({"name":"bad","query":"(((x"})", "application/json"), 400)["detail"]
            .get<std::string>()
            .find("never closed") != std::string::npos);
  expect_problem(w.Post("/api/alerts", R"({"name":"dns","query":"x","webhook":"http://127.0.0.1/h"})", "application/json"), 400);
  CHECK(t.alerts() == before);
}

TEST_CASE("attack: a flood of wildcards is refused with the limit it passed") {
  Target& t = target();
  std::string q;
  for (int i = 0; i < 60; ++i) q += "ال* ";
  const auto body = expect_problem(t.as(kRead).Get(("/api/search?q=" + httplib::detail::encode_query_param(q)).c_str()), 400);
  CHECK(body["limit"] == "max_wildcards");
}
