// `rasd alerts` end to end through the binary, over a temporary index of the seed articles:
// a new report and its syndicated copy give one notification, once; other reports give none;
// a run killed at any step (RASD_ALERTS_CRASH_AT) and re-run never misses and repeats at most once.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/support/command.h"
#include "tests/support/temp_dir.h"

namespace {

using rasd::test::read_lines;
using rasd::test::fixture;
using rasd::test::TempDir;
using rasd::test::shell_quote;

int sh(const std::string& command) {
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The seed index, built once per test run; fixtures work on copies.
const std::string& seed_index() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = (dir / "seed-db");
    REQUIRE(sh(std::string(RASD_BINARY) + " index --db " + shell_quote(path) + " " + shell_quote(fixture("seeds"))) == 0);
    return path;
  }();
  return db;
}

/// A copy of the seed index, an alerts file and one alert on the Houthis.
struct CliFixture {
  TempDir dir;
  std::string db = (dir / "db"), alerts = (dir / "alerts.sqlite"), jsonl = (dir / "hits.jsonl");

  CliFixture() {
    std::filesystem::copy(seed_index(), db, std::filesystem::copy_options::recursive);
    REQUIRE(alerts_cmd("add --name houthi --query 'الحوثيين' --every 1h --jsonl " + shell_quote(jsonl)) == 0);
  }
  int alerts_cmd(const std::string& args, const std::string& env = {}) const {
    return sh(env + " " + RASD_BINARY + " alerts --db " + shell_quote(db) + " --alerts " + shell_quote(alerts) + " " + args);
  }
  void index(const std::string& fixture_name) const {
    REQUIRE(sh(std::string(RASD_BINARY) + " index --db " + shell_quote(db) + " " + shell_quote(fixture(fixture_name))) == 0);
  }
  std::vector<nlohmann::json> lines() const {
    std::vector<nlohmann::json> out;
    for (const auto& l : read_lines(jsonl)) out.push_back(nlohmann::json::parse(l));
    return out;
  }
};

}  // namespace

TEST_CASE("alerts cli: one notification for a report and its copy, then nothing") {
  CliFixture f;
  CHECK(f.alerts_cmd("run") == 0);  // nothing new yet: still success
  CHECK(f.lines().empty());
  f.index("alerts/new_match.jsonl");
  CHECK(f.alerts_cmd("run --all") == 0);
  auto lines = f.lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["doc_id"] == "alert-test-houthi-1");
  CHECK(lines[0]["source"] == "alarabiya");
  REQUIRE(lines[0]["copies"].size() == 1);
  CHECK(lines[0]["copies"][0]["id"] == "alert-test-houthi-1-copy");
  CHECK(lines[0]["copies"][0]["source"] == "skynews");

  CHECK(f.alerts_cmd("run 1") == 0);  // again: nothing
  f.index("alerts/no_match.jsonl");   // does not match: nothing
  CHECK(f.alerts_cmd("run --all") == 0);
  f.index("alerts/new_match.jsonl");  // the same ids re-indexed: not news again
  CHECK(f.alerts_cmd("run --all") == 0);
  CHECK(f.lines().size() == 1);

  CHECK(f.alerts_cmd("feed 1") == 0);
  CHECK(f.alerts_cmd("remove 1") == 0);
  CHECK(f.alerts_cmd("feed 1") == 1);  // gone: not found
  CHECK(f.alerts_cmd("show 1") == 1);
}

TEST_CASE("alerts cli: bad input is refused with exit 2") {
  CliFixture f;
  CHECK(f.alerts_cmd("add --name x --query q --every 5x") == 2);
  CHECK(f.alerts_cmd("add --name x --query q --webhook http://169.254.169.254/latest") == 2);
  CHECK(f.alerts_cmd("--webhook-allow hooks.example.org add --name x --query q --webhook http://hooks.example.org/h") == 0);
  CHECK(f.alerts_cmd("add --name x --query q --from 2018/01") == 2);
}

TEST_CASE("alerts cli: a run killed at any step, then re-run, misses nothing and repeats at most once") {
  // Every step is covered in process by alerts_runner_test.cc; these go through the binary.
  for (const char* step : {"record", "jsonl", "watermark"}) {
    CAPTURE(step);
    CliFixture f;
    f.index("alerts/new_match.jsonl");
    CHECK(f.alerts_cmd("run --all", std::string("RASD_ALERTS_CRASH_AT=") + step) == 137);
    CHECK(f.alerts_cmd("run --all") == 0);
    CHECK(f.alerts_cmd("run --all") == 0);
    std::map<std::string, int> seen;
    for (const auto& l : f.lines()) ++seen[l["doc_id"].get<std::string>()];
    REQUIRE(seen.size() == 1);
    CHECK(seen["alert-test-houthi-1"] >= 1);
    CHECK(seen["alert-test-houthi-1"] <= (std::string(step) == "jsonl" ? 2 : 1));
  }
}
