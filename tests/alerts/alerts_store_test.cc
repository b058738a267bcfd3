// The alerts file: schedules, the schema and its migrations, alerts and the notification outbox.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "error/error.h"
#include "alerts/schedule.h"
#include "alerts/store.h"
#include "tests/alerts/alerts_test_util.h"

using namespace rasd::alerts;
using rasd::alerts::testing::TempDir;

TEST_CASE("alerts: intervals parse and print") {
  const struct {
    const char* text;
    std::int64_t seconds;
    const char* printed;
  } good[] = {{"15m", 900, "15m"}, {"1h", 3600, "1h"}, {"1d", 86400, "1d"}, {"90m", 5400, "90m"},
              {"120s", 120, "2m"}, {"48h", 172800, "2d"}, {"366d", 366 * 86400, "366d"}};
  for (const auto& g : good) {
    CAPTURE(g.text);
    CHECK(parse_interval(g.text).count() == g.seconds);
    CHECK(format_interval(parse_interval(g.text)) == g.printed);
  }
  for (const char* bad : {"", "h", "1", "0m", "-5m", "1w", "1.5h", "10s", "367d", "1h ", " 1h", "99999999999999999d"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_interval(bad), rasd::InvalidInput);
  }
}

TEST_CASE("alerts: due when never run or when the interval has passed") {
  const std::chrono::seconds hour{3600};
  CHECK(is_due(0, hour, 1000));
  CHECK_FALSE(is_due(1000, hour, 1000 + 3599));
  CHECK(is_due(1000, hour, 1000 + 3600));
  CHECK(format_time(0) == "1970-01-01T00:00:00Z");
  CHECK(format_time(1795000000) == "2026-11-18T11:06:40Z");
}

namespace {

AlertSpec spec(const std::string& name, const std::string& query) {
  AlertSpec s;
  s.name = name;
  s.query = query;
  s.filters.countries = {"SY", "IQ"};
  s.filters.from = "2018-01";
  s.every = std::chrono::minutes(15);
  return s;
}

Notification notification(const std::string& doc_id, std::uint64_t seq, std::vector<rasd::Copy> copies = {}) {
  Notification n;
  n.sequence = seq;
  n.hit.id = doc_id;
  n.hit.title = "t " + doc_id;
  n.hit.sequence = seq;
  n.hit.copy_list = std::move(copies);
  return n;
}

}  // namespace

TEST_CASE("alerts: add, list, get and remove round-trip through the file") {
  TempDir dir;
  const std::string path = (dir / "alerts.sqlite");
  std::int64_t id = 0;
  {
    AlertStore store(path);
    id = store.add(spec("syria", "داعش"), 42, 1000).id;
    store.add(spec("iraq", "بغداد"), 42, 1001);
  }
  AlertStore store(path);  // reopened: everything was committed
  const auto all = store.list();
  REQUIRE(all.size() == 2);
  const Alert a = store.get(id);
  CHECK(a.spec.name == "syria");
  CHECK(a.spec.query == "داعش");
  CHECK(a.spec.filters.countries == std::vector<std::string>{"SY", "IQ"});
  CHECK(a.spec.filters.from == "2018-01");
  CHECK_FALSE(a.spec.filters.to);
  CHECK(a.spec.every == std::chrono::minutes(15));
  CHECK(a.watermark == 42);
  CHECK(a.created == 1000);
  CHECK(a.last_run == 0);
  store.remove(id);
  CHECK_FALSE(store.find(id));
  CHECK_THROWS_AS(store.get(id), rasd::NotFound);
  CHECK_THROWS_AS(store.remove(id), rasd::NotFound);
  CHECK(store.list().size() == 1);
}

TEST_CASE("alerts: a spec without name or query, or with a bad date, is refused") {
  TempDir dir;
  AlertStore store((dir / "a.sqlite"));
  CHECK_THROWS_AS(store.add(spec("", "q"), 0, 0), rasd::InvalidInput);
  CHECK_THROWS_AS(store.add(spec("n", ""), 0, 0), rasd::InvalidInput);
  AlertSpec s = spec("n", "q");
  s.filters.to = "2018/01/01";
  CHECK_THROWS_AS(store.add(s, 0, 0), rasd::InvalidInput);
  CHECK(store.list().empty());
}

TEST_CASE("alerts: recorded notifications are pending per configured channel until marked done") {
  TempDir dir;
  AlertStore store((dir / "a.sqlite"));
  AlertSpec s = spec("n", "q");
  s.jsonl_path = (dir / "out.jsonl");
  const std::int64_t id = store.add(s, 0, 0).id;
  RunRecord run{id, {notification("a", 1, {{"a-copy", "bbc"}}), notification("b", 2)}, 5000};
  store.record(run);
  CHECK(run.notifications[0].id > 0);
  CHECK(store.delivered_among(id, {"a", "a-copy", "b", "c"}) == std::vector<std::string>{"a", "a-copy", "b"});
  CHECK(store.pending(id, Channel::Webhook).empty());  // no webhook configured
  auto pending = store.pending(id, Channel::Jsonl);
  REQUIRE(pending.size() == 2);
  CHECK(pending[0].hit.id == "a");
  CHECK(pending[0].hit.copy_list.at(0).source == "bbc");
  CHECK(pending[0].found == 5000);
  store.mark_done({pending[0]}, Channel::Jsonl);
  CHECK(store.pending(id, Channel::Jsonl).size() == 1);
  CHECK(store.recent(id, 10).front().hit.id == "b");  // newest first
  CHECK(store.get(id).total_hits == 2);
  store.finish({id, 7, 6000, 2, std::string("boom")});
  CHECK(store.get(id).watermark == 7);
  CHECK(store.get(id).last_error == "boom");
  store.finish({id, 3, 6001, 0, std::nullopt});  // a watermark never moves back
  CHECK(store.get(id).watermark == 7);
  CHECK_FALSE(store.get(id).last_error);
}

TEST_CASE("alerts: a version-1 file is migrated step by step and keeps its alerts") {
  TempDir dir;
  const std::string path = (dir / "old.sqlite");
  {
    rasd::sql::Database db(path);
    migrate(db, 1);
    CHECK(db.user_version() == 1);
    db.exec("INSERT INTO alerts (name, query, filters, every_seconds, watermark, created) "
            "VALUES ('old', 'حماس', '{\"country\":[\"PS\"]}', 3600, 99, 10);"
            "INSERT INTO hits (alert_id, doc_id, sequence, found, payload) VALUES (1, 'd1', 98, 11, '{\"doc_id\":\"d1\"}');"
            "INSERT INTO delivered VALUES (1, 'd1');");
  }
  AlertStore store(path);
  {
    rasd::sql::Database db(path);
    CHECK(db.user_version() == AlertStore::kSchemaVersion);
  }
  const Alert a = store.get(1);
  CHECK(a.spec.query == "حماس");
  CHECK(a.spec.filters.countries == std::vector<std::string>{"PS"});
  CHECK(a.watermark == 99);
  // Hits from before the outbox had been delivered: nothing is re-sent after the upgrade.
  CHECK(store.pending(1, Channel::Jsonl).empty());
  CHECK(store.pending(1, Channel::Webhook).empty());
  CHECK(store.recent(1, 5).size() == 1);
  CHECK(store.delivered_among(1, {"d1"}).size() == 1);
}

TEST_CASE("alerts: a file from a newer rasd is refused, not downgraded") {
  TempDir dir;
  const std::string path = (dir / "new.sqlite");
  {
    rasd::sql::Database db(path);
    db.set_user_version(AlertStore::kSchemaVersion + 1);
  }
  CHECK_THROWS_AS(AlertStore{path}, rasd::VersionMismatch);
}

TEST_CASE("alerts: an unwritable alerts file is an I/O error naming it") {
  CHECK_THROWS_AS(AlertStore{"/nonexistent-dir/alerts.sqlite"}, rasd::IndexError);
}

TEST_CASE("alerts: an alert's search is strict (no any-word fallback), new reports only, collapsed") {
  AlertSpec spec;
  spec.name = "n";
  spec.query = "هجوم بغداد";
  spec.filters.countries = {"IQ"};
  const rasd::SearchRequest r = to_request(spec, 41);
  CHECK_FALSE(r.relax);
  CHECK(r.after_sequence == std::optional<std::uint64_t>(41));
  CHECK(r.collapse);
  CHECK(r.countries == std::vector<std::string>{"IQ"});
}

TEST_CASE("alerts: a new alerts file is readable by its owner only") {
  rasd::test::TempDir dir;
  const std::string path = dir / "private.sqlite";
  { AlertStore store(path); }
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}
