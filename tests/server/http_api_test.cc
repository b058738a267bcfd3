// The JSON API end to end over a socket: shapes, filters, paging and every error status.
#include "tests/server/http_test_server.h"

using rasd::test::expect_problem;
using rasd::test::json_of;
using rasd::test::TestServer;

namespace {

TestServer& shared_server() {
  static TestServer server;
  return server;
}

std::string encode(const std::string& s) { return httplib::detail::encode_query_param(s); }

}  // namespace

TEST_CASE("healthz answers with the document count") {
  const auto res = shared_server().get("/healthz");
  REQUIRE(res);
  CHECK(res->status == 200);
  const auto body = json_of(res);
  CHECK(body["status"] == "ok");
  CHECK(body["documents"].get<int>() == 10);  // 5 seed articles + 3 XSS reports + 2 copies
}

TEST_CASE("search returns the search JSON shape with facets and the histogram") {
  const auto res = shared_server().get("/api/search?q=" + encode("هجوم") + "&facets=true&size=2");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  const auto body = json_of(res);
  CHECK(body["total"].get<int>() >= 2);
  CHECK(body["page"] == 1);
  CHECK(body["size"] == 2);
  REQUIRE(body["hits"].size() == 2);
  for (const auto& hit : body["hits"]) {
    for (const char* key : {"id", "title", "source", "published", "snippet", "entities", "copies", "rank", "score"})
      CHECK_MESSAGE(hit.contains(key), key);
    for (const auto& h : hit["snippet"]["highlights"]) {
      CHECK(h[0].get<int>() < h[1].get<int>());
      CHECK(h[1].get<std::size_t>() <= hit["snippet"]["text"].get<std::string>().size());
    }
  }
  CHECK(body["facets"].is_object());
  CHECK(body["facets"].contains("source"));
  CHECK(body["histogram"].is_array());
  CHECK(!body["histogram"].empty());
}

TEST_CASE("search pages through the same ranking without overlap") {
  const std::string base = "/api/search?q=" + encode("هجوم") + "&size=1";
  const auto first = json_of(shared_server().get(base + "&page=1"));
  const auto second = json_of(shared_server().get(base + "&page=2"));
  REQUIRE(first["hits"].size() == 1);
  REQUIRE(second["hits"].size() == 1);
  CHECK(first["hits"][0]["id"] != second["hits"][0]["id"]);
  CHECK(second["page"] == 2);
}

TEST_CASE("source filter restricts every hit") {
  const auto body = json_of(shared_server().get("/api/search?q=" + encode("هجوم") + "&source=test"));
  REQUIRE(!body["hits"].empty());
  for (const auto& hit : body["hits"]) CHECK(hit["source"] == "test");
}

TEST_CASE("bad search requests are 400 problems that name the cause") {
  struct Case {
    std::string query;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"q=x&colour=red", "colour"},
      {"q=x&size=101", "size"},
      {"q=x&size=0", "size"},
      {"q=x&page=abc", "page"},
      {"q=x&page=0", "page"},
      {"q=x&page=101&size=100", "deepest"},
      {"q=x&sort=sideways", "sort"},
      {"q=x&facets=maybe", "facets"},
      {"q=x&q=y", "only once"},
      {"q=" + std::string(5000, 'a'), ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query.substr(0, 60));
    const auto body = expect_problem(shared_server().get("/api/search?" + c.query), 400);
    CHECK(body["detail"].get<std::string>().find(c.says) != std::string::npos);
    CHECK(body["instance"] == "/api/search");
  }
}

TEST_CASE("documents: the stored text with entity spans, 404 for an unknown id") {
  const auto res = shared_server().get("/api/documents/xss-script");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto doc = json_of(res);
  CHECK(doc["id"] == "xss-script");
  const std::string text = doc["text"];
  CHECK(text.find("<script>") != std::string::npos);  // stored as text, escaped by JSON only
  for (const auto& e : doc["entities"]) {
    const std::string& field = e.value("field", "text") == "title" ? doc["title"].get_ref<const std::string&>() : text;
    CHECK(e["start"].get<std::size_t>() < e["end"].get<std::size_t>());
    CHECK(e["end"].get<std::size_t>() <= field.size());
  }
  expect_problem(shared_server().get("/api/documents/no-such-document"), 404);
  expect_problem(shared_server().get("/api/documents/xss-script?verbose=1"), 400);
}

TEST_CASE("entities: labels with counts; the type is required and closed") {
  const auto res = shared_server().get("/api/entities?type=source&prefix=te");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto body = json_of(res);
  REQUIRE(body["entities"].is_array());
  bool found = false;
  for (const auto& e : body["entities"]) found = found || (e["id"] == "test" && e["count"] == 2);
  CHECK(found);
  expect_problem(shared_server().get("/api/entities"), 400);
  expect_problem(shared_server().get("/api/entities?type=weapon"), 400);
  expect_problem(shared_server().get("/api/entities?type=org&limit=1000"), 400);
}

TEST_CASE("unknown paths are 404 and wrong methods 405, as problems") {
  expect_problem(shared_server().get("/api/nothing"), 404);
  const auto wrong = shared_server().client().Delete("/api/search");
  expect_problem(wrong, 405);
  CHECK(wrong->get_header_value("Allow") == "GET");
  expect_problem(shared_server().client().Post("/healthz", "", "text/plain"), 405);
}

TEST_CASE("metrics: requests by route and status, latency histogram, index figures") {
  shared_server().get("/healthz");
  shared_server().get("/api/nothing");
  const auto res = shared_server().get("/metrics");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string& text = res->body;
  CHECK(text.find("rasd_http_requests_total{route=\"get_healthz\",status=\"200\"}") != std::string::npos);
  CHECK(text.find("rasd_http_requests_total{route=\"no_route\",status=\"404\"}") != std::string::npos);
  CHECK(text.find("rasd_http_request_duration_seconds_bucket{route=\"get_healthz\",le=\"+Inf\"}") != std::string::npos);
  CHECK(text.find("rasd_index_documents 10") != std::string::npos);
  CHECK(text.find("rasd_index_size_bytes ") != std::string::npos);
  CHECK(text.find("rasd_index_size_bytes 0\n") == std::string::npos);
}

TEST_CASE("every response carries the security headers") {
  const auto res = shared_server().get("/");
  REQUIRE(res);
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(res->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
}

TEST_CASE("an exact duplicate is one hit with its copies listed") {
  const auto body = json_of(shared_server().get("/api/search?q=" + encode("خلية")));
  REQUIRE(body["hits"].size() == 1);
  CHECK(body["hits"][0]["copies"] == 2);
  REQUIRE(body["hits"][0]["copy_list"].size() == 1);
  const auto other = json_of(shared_server().get("/api/search?q=" + encode("خلية") + "&collapse=false"));
  CHECK(other["hits"].size() == 2);
}
