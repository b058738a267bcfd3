// A rasd server started in-process on a free port over a temporary index built from the seed
// articles and the fixtures of fixtures/web (XSS payloads, an exact duplicate), plus an httplib client for it. Shared by the http_*.cc tests.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/server.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"

namespace rasd::test {

inline std::string source_path(const std::string& relative) { return std::string(RASD_SOURCE_DIR) + "/" + relative; }

/// The server under test. `tweak` adjusts the options before start (limits, token file).
class TestServer {
 public:
  explicit TestServer(const std::function<void(http::ServerOptions&)>& tweak = {}) {
    index_paths(dir_ / "db", {source_path("fixtures/seeds"), source_path("fixtures/web/xss.jsonl"),
                             source_path("fixtures/web/copies.jsonl")});
    http::ServerOptions options;
    options.db_dir = dir_ / "db";
    options.port = 0;
    options.web_dir = source_path("web");
    options.threads = 4;
    options.access_log = false;
    if (tweak) tweak(options);
    server_ = std::make_unique<http::Server>(options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  const TempDir& dir() const { return dir_; }
  std::string db() const { return dir_ / "db"; }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }

  /// GET `target` and parse the JSON body (null when the body is not JSON).
  httplib::Result get(const std::string& target) const { return client().Get(target.c_str()); }

 private:
  TempDir dir_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

inline nlohmann::json json_of(const httplib::Result& res) {
  return nlohmann::json::parse(res->body, nullptr, /*allow_exceptions=*/false);
}

/// Asserts `res` is an RFC 9457 problem with `status`, and returns its body.
inline nlohmann::json expect_problem(const httplib::Result& res, int status) {
  REQUIRE(res);
  CHECK(res->status == status);
  CHECK(res->get_header_value("Content-Type") == "application/problem+json");
  const auto body = json_of(res);
  REQUIRE(body.is_object());
  CHECK(body["status"] == status);
  CHECK(body["type"].get<std::string>().rfind("urn:rasd:problem:", 0) == 0);
  CHECK(!body["title"].get<std::string>().empty());
  CHECK(!body["detail"].get<std::string>().empty());
  return body;
}

}  // namespace rasd::test
