// POST /api/documents (token, statuses, the writer lock) and a server that sees commits made
// by another writer without a restart.
#include <xapian.h>

#include "tests/server/http_test_server.h"

using rasd::test::expect_problem;
using rasd::test::json_of;
using rasd::test::TestServer;

namespace {

const std::string kReport =
    R"({"id":"http-new-1","title":"تفجير في الموصل","body":"أعلنت الشرطة العراقية عن تفجير استهدف سوقا في الموصل شمال العراق.","source":"upload","published":"2018-06-01"})"
    "\n";

std::uint64_t total_for(const TestServer& server, const std::string& query) {
  const auto res = server.get("/api/search?q=" + httplib::detail::encode_query_param(query));
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json_of(res)["total"].get<std::uint64_t>();
}

}  // namespace

TEST_CASE("ingest is refused with 403 when the server has no write token") {
  TestServer server;
  const auto body = expect_problem(server.client().Post("/api/documents", kReport, "application/x-ndjson"), 403);
  CHECK(body["detail"].get<std::string>().find("--write-token-file") != std::string::npos);
}

TEST_CASE("ingest with a token: 401 without or with a wrong one, 200 and searchable with it") {
  // The token file must exist before the server starts; write it in a directory of its own.
  rasd::test::TempDir keys;
  const std::string token_path = (keys / "token");
  std::ofstream(token_path) << "  s3cret-token-0123456789\n";
  TestServer server([&](rasd::http::ServerOptions& o) { o.token_file = token_path; });
  auto client = server.client();
  expect_problem(client.Post("/api/documents", kReport, "application/x-ndjson"), 401);
  client.set_bearer_token_auth("wrong");
  expect_problem(client.Post("/api/documents", kReport, "application/x-ndjson"), 401);

  client.set_bearer_token_auth("s3cret-token-0123456789");
  CHECK(total_for(server, "الموصل") == 0);
  const auto res = client.Post("/api/documents", kReport, "application/x-ndjson");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const auto summary = json_of(res);
  CHECK(summary["indexed"] == 1);
  CHECK(summary["skipped"].empty());
  CHECK(total_for(server, "الموصل") == 1);
  CHECK(server.get("/api/documents/http-new-1")->status == 200);

  expect_problem(client.Post("/api/documents", "  \n", "application/x-ndjson"), 400);
  const auto bad = client.Post("/api/documents", "{not json\n", "application/x-ndjson");
  REQUIRE(bad);
  CHECK(bad->status == 200);
  CHECK(json_of(bad)["skipped"].size() == 1);

  // Another writer holds the lock: 503 with a problem body and Retry-After.
  Xapian::WritableDatabase holder(server.db(), Xapian::DB_OPEN);
  const auto locked = expect_problem(client.Post("/api/documents", kReport, "application/x-ndjson"), 503);
  CHECK(locked["detail"].get<std::string>().size() > 10);
}

TEST_CASE("a running server sees documents another writer commits, without a restart") {
  TestServer server;
  CHECK(total_for(server, "الموصل") == 0);
  rasd::test::TempDir input;
  std::ofstream((input / "new.jsonl")) << kReport;
  rasd::test::index_paths(server.db(), {(input / "new.jsonl")});
  CHECK(total_for(server, "الموصل") == 1);
  CHECK(json_of(server.get("/healthz"))["documents"] == 11);
}

TEST_CASE("a running server sees what `rasd index` commits from another process") {
  TestServer server;
  CHECK(total_for(server, "الموصل") == 0);
  rasd::test::TempDir input;
  std::ofstream((input / "new.jsonl")) << kReport;
  const std::string command = std::string(RASD_BINARY) + " index --db '" + server.db() + "' '" +
                              (input / "new.jsonl") + "' > /dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(total_for(server, "الموصل") == 1);
}
