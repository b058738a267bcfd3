// The runner's semantics over an in-memory index: new documents only, one notification per
// near-duplicate cluster, never twice, webhook failures recorded, and crash safety.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <set>

#include <httplib.h>

#include "alerts/feed.h"
#include "alerts/runner.h"
#include "tests/alerts/alerts_test_util.h"

using namespace rasd::alerts;
using rasd::alerts::testing::FakeIndex;
using rasd::alerts::testing::read_lines;
using rasd::alerts::testing::TempDir;

namespace {

constexpr UnixTime kNow = 1795000000;

/// An alert file with one alert on "حماس" delivering to a JSONL file, over a fake index
/// holding older matching documents the alert must never report.
struct Fixture {
  TempDir dir;
  FakeIndex index;
  std::string store_path = (dir / "alerts.sqlite");
  std::string jsonl = (dir / "hits.jsonl");
  std::int64_t alert_id = 0;
  RunnerConfig config;

  explicit Fixture(std::optional<std::string> webhook = std::nullopt) {
    index.add("old-1", "حماس غزة", "bbc");
    index.add("old-2", "حماس", "cnn");
    AlertSpec spec;
    spec.name = "hamas";
    spec.query = "حماس";
    spec.jsonl_path = jsonl;
    spec.webhook_url = webhook;
    AlertStore store(store_path);
    alert_id = store.add(spec, index.last_sequence(), kNow).id;
    config.webhook.first_backoff = std::chrono::milliseconds(5);
    config.webhook.attempts = 2;
  }

  std::vector<RunSummary> run(UnixTime now = kNow, Selection selection = Selection::All) {
    AlertStore store(store_path);
    AlertRunner runner(store, index, config);
    return runner.run(selection, now);
  }

  /// Runs in a child process that dies at `point`; returns the child's exit status.
  int run_crashing_at(CrashPoint point) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      RunnerConfig crashing = config;
      crashing.crash_at = point;
      AlertStore store(store_path);
      AlertRunner runner(store, index, crashing);
      runner.run(Selection::All, kNow);
      ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::vector<nlohmann::json> lines() const {
    std::vector<nlohmann::json> out;
    for (const auto& l : read_lines(jsonl)) out.push_back(nlohmann::json::parse(l));
    return out;
  }
};

}  // namespace

TEST_CASE("alerts: a new document and its syndicated copy give exactly one notification, once") {
  Fixture f;
  f.index.add("new-1", "هجوم حماس", "aljazeera", "story-1");
  f.index.add("new-1-copy", "هجوم حماس", "skynews", "story-1");
  auto first = f.run();
  REQUIRE(first.size() == 1);
  CHECK(first[0].new_hits == 1);
  CHECK_FALSE(first[0].error);
  auto lines = f.lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["doc_id"] == "new-1");
  CHECK(lines[0]["source"] == "aljazeera");
  CHECK(lines[0]["copies"] == nlohmann::json::parse(R"([{"id":"new-1-copy","source":"skynews"}])"));

  CHECK(f.run()[0].new_hits == 0);  // again: nothing
  f.index.add("other", "الحوثيون صنعاء", "bbc");  // does not match: nothing
  CHECK(f.run()[0].new_hits == 0);
  f.index.add("new-1", "هجوم حماس", "aljazeera", "story-1");  // re-indexed: new sequence, same id
  f.index.add("new-1-copy", "هجوم حماس", "skynews", "story-1");
  CHECK(f.run()[0].new_hits == 0);
  CHECK(f.lines().size() == 1);

  AlertStore store(f.store_path);
  const Alert a = store.get(f.alert_id);
  CHECK(a.watermark == f.index.last_sequence());
  CHECK(a.total_hits == 1);
  CHECK(a.last_run == kNow);
  CHECK(store.recent(f.alert_id, 10).size() == 1);
}

TEST_CASE("alerts: a report and its copies arriving over three runs give one notification, the copies attached") {
  Fixture f;
  f.index.add("wire", "هجوم حماس", "spa", "story-2");
  REQUIRE(f.run(kNow)[0].new_hits == 1);
  f.index.add("okaz-copy", "هجوم حماس", "okaz", "story-2");  // a later run: a copy of what was told
  auto second = f.run(kNow + 3600);
  CHECK(second[0].new_hits == 0);
  CHECK(second[0].jsonl_lines == 1);
  f.index.add("riyadh-copy", "هجوم حماس", "alriyadh", "story-2");
  f.index.add("other-story", "حماس", "alriyadh");  // news of its own
  auto third = f.run(kNow + 7200);
  CHECK(third[0].new_hits == 1);

  const auto lines = f.lines();
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["doc_id"] == "wire");
  CHECK_FALSE(lines[0].contains("copy_of"));
  CHECK(lines[1]["doc_id"] == "okaz-copy");
  CHECK(lines[1]["copy_of"] == "wire");
  // the third copy points at the first notification, not at the copy before it
  const auto riyadh = std::find_if(lines.begin(), lines.end(), [](const auto& l) { return l["doc_id"] == "riyadh-copy"; });
  REQUIRE(riyadh != lines.end());
  CHECK((*riyadh)["copy_of"] == "wire");
  const auto notifications =
      std::count_if(lines.begin(), lines.end(), [](const auto& l) { return !l.contains("copy_of"); });
  CHECK(notifications == 2);  // wire and other-story

  // Atom: one entry for the report, updated when the last copy came, listing the copies.
  AlertStore store(f.store_path);
  const std::string feed = atom_feed(store.get(f.alert_id), store.recent(f.alert_id, 10), {"http://127.0.0.1:1"});
  CHECK(feed.find("/doc/wire<") != std::string::npos);
  CHECK(feed.find("/doc/okaz-copy<") == std::string::npos);
  CHECK(feed.find("/doc/riyadh-copy<") == std::string::npos);
  CHECK(feed.find("okaz (okaz-copy)") != std::string::npos);
  CHECK(feed.find("alriyadh (riyadh-copy)") != std::string::npos);
  const auto wire_entry = feed.find("/doc/wire<");
  CHECK(feed.find(format_time(kNow + 7200), wire_entry) < feed.find("</entry>", wire_entry));
}

TEST_CASE("alerts: only due alerts run unless all are asked for") {
  Fixture f;
  f.run(kNow);
  f.index.add("new-2", "حماس", "bbc");
  CHECK(f.run(kNow + 60, Selection::Due).empty());  // hourly alert, ran a minute ago
  auto later = f.run(kNow + 3600, Selection::Due);
  REQUIRE(later.size() == 1);
  CHECK(later[0].new_hits == 1);
}

TEST_CASE("alerts: the runner restricts each search to documents after the watermark") {
  Fixture f;
  f.index.add("new-3", "حماس", "bbc");
  f.index.add("new-4", "حماس", "cnn");
  f.config.page_size = 1;  // pages through every new hit
  CHECK(f.run()[0].new_hits == 2);
  CHECK(f.lines().size() == 2);
  CHECK(f.lines()[0]["doc_id"] == "new-3");  // ingest order
}

namespace {

struct Hook {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<int> status{204};
  std::mutex mutex;
  std::vector<nlohmann::json> bodies;
  Hook() {
    server.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex);
      bodies.push_back(nlohmann::json::parse(req.body));
      res.status = status;
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Hook() {
    server.stop();
    thread.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hook"; }
  std::size_t notifications() {
    std::lock_guard lock(mutex);
    std::size_t n = 0;
    for (const auto& b : bodies)
      if (b.at("notifications").size() > 0) n += b["notifications"].size();
    return n;
  }
};

}  // namespace

TEST_CASE("alerts: a webhook failure is recorded on the alert and retried on the next run") {
  Hook hook;
  Fixture f(hook.url());
  f.config.webhook_allow = WebhookAllowList({"127.0.0.1:" + std::to_string(hook.port)});
  hook.status = 500;
  f.index.add("new-5", "حماس", "bbc");
  auto failed = f.run();
  REQUIRE(failed[0].error);
  CHECK(failed[0].error->find("HTTP 500") != std::string::npos);
  {
    AlertStore store(f.store_path);
    CHECK(store.get(f.alert_id).last_error == failed[0].error);
  }
  CHECK(f.lines().size() == 1);  // the JSONL channel is independent
  {
    AlertStore store(f.store_path);
    const Alert a = store.get(f.alert_id);
    CHECK(a.webhook_failures == 1);
    CHECK(a.webhook_next_attempt == kNow + 30);  // the backoff is kept in the file
  }
  hook.status = 204;
  const auto waiting = f.run(kNow + 10);  // within the backoff: not tried
  REQUIRE(waiting[0].error);
  CHECK(waiting[0].error->find("waiting until") != std::string::npos);
  auto ok = f.run(kNow + 31);
  CHECK_FALSE(ok[0].error);
  CHECK(ok[0].webhook_posts == 1);
  std::lock_guard lock(hook.mutex);
  CHECK(hook.bodies.back()["alert"]["name"] == "hamas");
  CHECK(hook.bodies.back()["notifications"][0]["doc_id"] == "new-5");
}

TEST_CASE("alerts: a webhook names a later run's copy as a copy of the report it posted") {
  Hook hook;
  Fixture f(hook.url());
  f.config.webhook_allow = WebhookAllowList({"127.0.0.1:" + std::to_string(hook.port)});
  f.index.add("wire-7", "حماس", "spa", "story-7");
  REQUIRE(f.run()[0].webhook_posts == 1);
  f.index.add("copy-7", "حماس", "okaz", "story-7");
  const auto second = f.run();
  CHECK(second[0].new_hits == 0);
  CHECK(second[0].webhook_posts == 1);
  std::lock_guard lock(hook.mutex);
  REQUIRE(hook.bodies.size() == 2);
  CHECK_FALSE(hook.bodies[0]["notifications"][0].contains("copy_of"));
  CHECK(hook.bodies[1]["notifications"][0]["doc_id"] == "copy-7");
  CHECK(hook.bodies[1]["notifications"][0]["copy_of"] == "wire-7");
}

TEST_CASE("alerts: a webhook host removed from the allow-list is refused at delivery") {
  Hook hook;
  Fixture f(hook.url());
  f.config.webhook_allow = WebhookAllowList({"example.org"});
  f.index.add("new-6", "حماس", "bbc");
  auto r = f.run();
  REQUIRE(r[0].error);
  CHECK(r[0].error->find("allow-list") != std::string::npos);
  CHECK(hook.notifications() == 0);
}

TEST_CASE("alerts: a crash at any step of a run gives at most one duplicate and never a miss") {
  for (const char* name : {"search", "record", "jsonl", "jsonl-mark", "webhook", "webhook-mark", "watermark"}) {
    CAPTURE(name);
    Hook hook;
    Fixture f(hook.url());
    f.config.webhook_allow = WebhookAllowList({"127.0.0.1:" + std::to_string(hook.port)});
    f.index.add("new-7", "حماس", "bbc", "s7");
    f.index.add("new-7-copy", "حماس", "cnn", "s7");
    f.index.add("new-8", "حماس", "france24");
    REQUIRE(f.run_crashing_at(parse_crash_point(name)) == 137);
    f.run();
    f.run();
    std::map<std::string, int> seen;
    for (const auto& l : f.lines()) ++seen[l["doc_id"].get<std::string>()];
    CHECK(seen.size() == 2);  // new-7 (standing for its copy) and new-8: never a miss
    for (const auto& [doc, count] : seen) CHECK(count == 1);  // the JSONL file never repeats a line
    for (const auto& l : f.lines()) CHECK(!l["key"].get<std::string>().empty());
    CHECK(hook.notifications() >= 2);
    CHECK(hook.notifications() <= 4);
    AlertStore store(f.store_path);
    CHECK(store.recent(f.alert_id, 10).size() == 2);  // the feed never repeats
    CHECK(store.get(f.alert_id).watermark == f.index.last_sequence());
  }
}

TEST_CASE("alerts: alerts evaluated on several threads give the same notifications") {
  Fixture f;
  AlertStore setup(f.store_path);
  for (int i = 0; i < 6; ++i) {
    AlertSpec spec;
    spec.name = "extra-" + std::to_string(i);
    spec.query = i % 2 ? "حماس" : "غزة";
    setup.add(spec, f.index.last_sequence(), kNow);
  }
  f.index.add("new-9", "حماس غزة", "bbc");
  f.index.add("new-10", "غزة", "cnn");
  FakeIndex second = f.index;  // a Searcher per thread: here, a copy of the same index
  AlertStore store(f.store_path);
  AlertRunner runner(store, std::vector<AlertIndex*>{&f.index, &second}, f.config);
  const auto summaries = runner.run(Selection::All, kNow);
  REQUIRE(summaries.size() == 7);
  std::uint64_t total = 0;
  for (const auto& s : summaries) {
    CHECK_FALSE(s.error);
    total += s.new_hits;
  }
  CHECK(total == 1 + 3 * 1 + 3 * 2);  // the first alert and three "حماس" alerts: new-9; three "غزة": both
  CHECK(f.index.searches + second.searches == 7);
  CHECK(runner.run(Selection::All, kNow).size() == 7);
  for (const Alert& a : store.list()) CHECK(a.watermark == f.index.last_sequence());
}

TEST_CASE("alerts: a run delivers every new match however many (no deepest page), once") {
  Fixture f;
  for (int i = 0; i < 12000; ++i) f.index.add("bulk-" + std::to_string(i), "حماس", "bbc");
  const auto r = f.run();
  CHECK(r[0].new_hits == 12000);
  const auto lines = f.lines();
  CHECK(lines.size() == 12000);
  std::set<std::string> keys;
  for (const auto& l : lines) keys.insert(l["key"].get<std::string>());
  CHECK(keys.size() == 12000);
  AlertStore store(f.store_path);
  CHECK(store.get(f.alert_id).watermark == f.index.last_sequence());
  CHECK(f.run()[0].new_hits == 0);
}

TEST_CASE("alerts: a webhook that never answers delays no other alert and is marked failing") {
  // A black hole: a listening socket that never accepts, so a connection waits for an answer
  // that never comes.
  const int hole = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(::bind(hole, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(hole, 16) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(hole, reinterpret_cast<sockaddr*>(&addr), &len);
  const int hole_port = ntohs(addr.sin_port);

  Hook healthy;
  std::atomic<long long> first_post_ms{-1};
  const auto start = std::chrono::steady_clock::now();
  healthy.server.Post("/timed", [&](const httplib::Request&, httplib::Response& res) {
    if (first_post_ms < 0)
      first_post_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    res.status = 204;
  });
  Fixture f("http://127.0.0.1:" + std::to_string(hole_port) + "/hook");  // alert 1: the black hole
  {
    AlertStore store(f.store_path);
    AlertSpec spec;
    spec.name = "healthy";
    spec.query = "حماس";
    spec.webhook_url = "http://127.0.0.1:" + std::to_string(healthy.port) + "/timed";
    store.add(spec, f.index.last_sequence(), kNow);
  }
  f.config.webhook_allow = WebhookAllowList({"127.0.0.1:" + std::to_string(hole_port), "127.0.0.1:" + std::to_string(healthy.port)});
  f.config.webhook.timeout = std::chrono::milliseconds(1500);
  f.index.add("new-bh", "حماس", "bbc");
  const auto summaries = f.run();
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE(summaries.size() == 2);
  CHECK(first_post_ms >= 0);
  CHECK(first_post_ms < 1000);  // the healthy alert did not wait for the black hole
  CHECK(took >= std::chrono::milliseconds(1400));  // the black hole was given its whole deadline
  CHECK(took < std::chrono::milliseconds(5000));
  REQUIRE(summaries[0].error);
  CHECK(summaries[0].error->find("no answer within 1500 ms") != std::string::npos);
  CHECK_FALSE(summaries[1].error);
  for (int run = 1; run < 3; ++run) f.run(kNow + 4000 * run);  // past each backoff
  AlertStore store(f.store_path);
  const Alert a = store.get(f.alert_id);
  CHECK(a.webhook_failures == 3);
  CHECK(alert_status(a) == "failing");
  CHECK(to_json(a)["status"] == "failing");
  CHECK(store.pending(f.alert_id, Channel::Webhook).size() == 1);  // kept, not given up
  ::close(hole);
}
