// The alerts endpoints on a real server (in process, ephemeral port), with the background
// scheduler finding a new report and its copy, the Atom feed, and deletion.
#include <chrono>
#include <thread>

#include "http_test_server.h"
#include "server/alerts_runtime.h"

namespace {

using rasd::test::json_of;

const std::string kWriteToken = "alerts-write-token-0123456789";

void wait_for(const std::function<bool()>& done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  REQUIRE(done());
}

}  // namespace

TEST_CASE("alerts http: save, run in the background, read hits and feed, delete") {
  rasd::test::TempDir alerts_dir;
  std::unique_ptr<rasd::http::AlertsRuntime> runtime;
  rasd::test::TestServer server([&](rasd::http::ServerOptions& o) {
    o.alerts_file = (alerts_dir / "alerts.sqlite");
    o.write_token = kWriteToken;
    rasd::http::AlertsServeOptions a;
    a.webhook_allow = {"hooks.example.org"};
    a.tick = std::chrono::seconds(3600);  // passes only when poked
    runtime = std::make_unique<rasd::http::AlertsRuntime>(o, a);
  });
  wait_for([&] { return runtime->passes() >= 1; });
  auto client = server.client();
  client.set_bearer_token_auth(kWriteToken);

  auto created = client.Post("/api/alerts", R"({"name":"houthi","query":"الحوثيين","every":"15m","filters":{"country":["YE"]}})",
                             "application/json");
  REQUIRE(created);
  CHECK(created->status == 201);
  const auto alert = json_of(created);
  CHECK(alert["filters"]["country"][0] == "YE");
  const std::string feed_url = alert["feed_url"].get<std::string>();
  CHECK(feed_url.rfind("/api/feeds/", 0) == 0);
  const std::string base = "/api/alerts/" + std::to_string(alert["id"].get<int>());

  rasd::test::expect_problem(client.Post("/api/alerts", R"({"name":"x","query":"q","jsonl":"/tmp/x"})", "application/json"), 400);
  rasd::test::expect_problem(
      client.Post("/api/alerts", R"({"name":"x","query":"q","webhook":"http://127.0.0.1:22/"})", "application/json"), 400);
  rasd::test::expect_problem(client.Post("/api/alerts", "{not json", "application/json"), 400);
  CHECK(json_of(client.Get("/api/alerts"))["alerts"].size() == 1);

  rasd::test::index_paths(server.db(), {rasd::test::source_path("fixtures/alerts/new_match.jsonl"),
                                        rasd::test::source_path("fixtures/alerts/no_match.jsonl")});
  runtime->poke();
  wait_for([&] { return runtime->passes() >= 2; });

  const auto hits = json_of(client.Get((base + "/hits").c_str()));
  REQUIRE(hits["hits"].size() == 1);
  CHECK(hits["hits"][0]["doc_id"] == "alert-test-houthi-1");
  CHECK(hits["hits"][0]["copies"][0]["source"] == "skynews");
  CHECK(hits["alert"]["last_new_hits"] == 1);

  const auto feed = client.Get((base + "/feed.atom").c_str());
  REQUIRE(feed);
  CHECK(feed->status == 200);
  CHECK(feed->get_header_value("Content-Type").rfind("application/atom+xml", 0) == 0);
  CHECK(feed->body.find("<entry>") != std::string::npos);
  CHECK(feed->body.find("/#/doc/alert-test-houthi-1") != std::string::npos);

  // The secret feed address works without a token, and stops working once revoked.
  auto reader = server.client();
  const auto by_secret = reader.Get(feed_url.c_str());
  REQUIRE(by_secret);
  CHECK(by_secret->status == 200);
  CHECK(by_secret->body.find("alert-test-houthi-1") != std::string::npos);
  CHECK(by_secret->body.find(feed_url) != std::string::npos);  // its self link
  CHECK(client.Delete((base + "/feed").c_str())->status == 204);
  rasd::test::expect_problem(reader.Get(feed_url.c_str()), 404);
  const auto rotated = json_of(client.Post((base + "/feed").c_str(), "", "application/json"));
  CHECK(reader.Get(rotated["feed_url"].get<std::string>().c_str())->status == 200);

  const auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("rasd_alerts 1\n") != std::string::npos);
  CHECK(metrics->body.find("rasd_alerts_failing 0\n") != std::string::npos);
  CHECK(metrics->body.find("rasd_front_door_refused_total{reason=\"admission\"}") != std::string::npos);
  CHECK(json_of(client.Get("/api/alerts"))["alerts"][0]["status"] == "ok");

  const auto removed = client.Delete(base.c_str());
  REQUIRE(removed);
  CHECK(removed->status == 204);
  rasd::test::expect_problem(client.Get((base + "/feed.atom").c_str()), 404);
  rasd::test::expect_problem(client.Get(base.c_str()), 404);
  rasd::test::expect_problem(client.Get("/api/alerts/abc"), 400);
}
