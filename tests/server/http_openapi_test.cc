// The OpenAPI description matches the server: same routes both ways, and every documented
// parameter is accepted with its documented example.
#include <set>

#include "server/handlers.h"
#include "tests/server/http_test_server.h"

using rasd::test::json_of;
using rasd::test::TestServer;

TEST_CASE("openapi lists exactly the routes of the route table, and accepts what it documents") {
  TestServer server;
  const auto res = server.get("/api/openapi.json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto spec = json_of(res);
  CHECK(spec["openapi"].get<std::string>().rfind("3.", 0) == 0);

  std::set<std::pair<std::string, std::string>> table, documented;
  for (const auto& route : rasd::http::core_routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    table.emplace(route.path, method);
  }
  for (const auto& [path, item] : spec["paths"].items())
    for (const auto& [method, op] : item.items()) documented.emplace(path, method);
  CHECK(table == documented);

  // Each documented query parameter, alone with its example, is not refused as unknown or
  // ill-typed (400); path parameters are covered by their own routes' tests.
  for (const auto& [path, item] : spec["paths"].items()) {
    if (!item.contains("get") || path.find('{') != std::string::npos) continue;
    for (const auto& p : item["get"]["parameters"]) {
      if (p["in"] != "query") continue;
      auto example = p["example"].is_array() ? p["example"][0] : p["example"];
      const std::string value = example.is_string() ? example.get<std::string>() : example.dump();
      std::string target = path + "?" + p["name"].get<std::string>() + "=" + httplib::detail::encode_query_param(value);
      if (path == "/api/entities" && p["name"] != "type") target += "&type=country";
      CAPTURE(target);
      const auto answer = server.get(target);
      REQUIRE(answer);
      CHECK(answer->status != 400);
      CHECK(answer->status < 500);
    }
  }
}

TEST_CASE("an unknown parameter is named in the 400 on every API route") {
  TestServer server;
  for (const std::string path : {"/api/search", "/api/entities", "/api/openapi.json", "/healthz", "/metrics"}) {
    CAPTURE(path);
    const auto body = rasd::test::expect_problem(server.get(path + "?zzz=1"), 400);
    CHECK(body["detail"].get<std::string>().find("'zzz'") != std::string::npos);
  }
}
