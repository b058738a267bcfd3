// Deliveries: Atom feed, JSONL lines, the webhook allow-list and POSTs to a local receiver.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <httplib.h>

#include "error/error.h"
#include "alerts/feed.h"
#include "alerts/webhook.h"
#include "tests/alerts/alerts_test_util.h"

using namespace rasd::alerts;
using rasd::alerts::testing::TempDir;

namespace {

Alert sample_alert() {
  Alert a;
  a.id = 7;
  a.spec.name = "Syria & <ISIS>";
  a.spec.query = "داعش \"الرقة\"";
  a.created = 1795000000;
  return a;
}

Notification sample_notification() {
  Notification n;
  n.id = 1;
  n.alert_id = 7;
  n.found = 1795000100;
  n.sequence = 12;
  n.hit.id = "BB-mid/1 x&y";
  n.hit.title = "هجوم <b>\"قرب\"</b> الرقة & دير الزور";
  n.hit.source = "bbc";
  n.hit.url = "https://www.bbc.com/arabic/a?x=1&y=2";
  n.hit.published = "2018-03-01";
  n.hit.snippet.text = "نص\x01 مقتطف";
  n.hit.entities.push_back({"country", "SY", "سوريا", "Syria"});
  n.hit.copy_list.push_back({"SK-mid-9", "skynews"});
  return n;
}

// Well-formed XML with the elements Atom 1.0 requires (RFC 4287 4.1.1, 4.1.2), checked by
// Python's XML parser so the test does not trust our own writer.
int check_atom_with_python(const std::string& path) {
  const std::string script =
      "import sys,xml.etree.ElementTree as E\n"
      "A='{http://www.w3.org/2005/Atom}'\n"
      "f=E.parse(sys.argv[1]).getroot()\n"
      "assert f.tag==A+'feed'\n"
      "for t in ('id','title','updated','author'): assert f.find(A+t) is not None, t\n"
      "es=f.findall(A+'entry'); assert len(es)==1\n"
      "e=es[0]\n"
      "for t in ('id','title','updated','link'): assert e.find(A+t) is not None, t\n"
      "assert e.find(A+'id').text.startswith('tag:')\n"
      "assert e.find(A+'title').text.startswith('هجوم <b>')\n"
      "assert e.find(A+'link').get('href')=='http://h:8080/#/doc/BB-mid%2F1%20x%26y'\n"
      "assert 'skynews' in e.find(A+'summary').text\n";
  const std::string script_path = path + ".py";
  std::ofstream(script_path) << script;
  return std::system(("python3 " + script_path + " " + path).c_str());
}

}  // namespace

TEST_CASE("alerts: XML escaping covers markup characters and drops forbidden controls") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("x\x01y\tz") == "xy\tz");
  CHECK(xml_escape("داعش") == "داعش");
  CHECK(percent_encode("a/b c") == "a%2Fb%20c");
}

TEST_CASE("alerts: the Atom feed is valid Atom 1.0 with escaped values and document links") {
  TempDir dir;
  const std::string xml = atom_feed(sample_alert(), {sample_notification()}, {"http://h:8080"});
  CHECK(xml.find("<title>rasd alert: Syria &amp; &lt;ISIS&gt;</title>") != std::string::npos);
  CHECK(xml.find("<updated>2026-11-18T11:08:20Z</updated>") != std::string::npos);
  CHECK(xml.find("<published>2018-03-01T00:00:00Z</published>") != std::string::npos);
  CHECK(xml.find("<b>") == std::string::npos);
  const std::string path = (dir / "feed.atom");
  std::ofstream(path) << xml;
  CHECK(check_atom_with_python(path) == 0);
}

TEST_CASE("alerts: JSONL lines carry the document, its entities and its copies") {
  TempDir dir;
  const std::string path = (dir / "out.jsonl");
  append_jsonl(path, {sample_notification()}, "n");
  append_jsonl(path, {sample_notification()}, "n");  // appends, never truncates
  const auto lines = rasd::alerts::testing::read_lines(path);
  REQUIRE(lines.size() == 2);
  const auto j = nlohmann::json::parse(lines[0]);
  CHECK(j["alert_id"] == 7);
  CHECK(j["doc_id"] == "BB-mid/1 x&y");
  CHECK(j["url"] == "https://www.bbc.com/arabic/a?x=1&y=2");
  CHECK(j["published"] == "2018-03-01");
  CHECK(j["entities"][0]["id"] == "SY");
  CHECK(j["copies"][0] == nlohmann::json({{"id", "SK-mid-9"}, {"source", "skynews"}}));
  CHECK_THROWS_AS(append_jsonl((dir / "no/such/dir/x.jsonl"), {sample_notification()}, "n"), rasd::IndexError);
}

TEST_CASE("alerts: webhook URLs are checked against the allow-list") {
  const WebhookAllowList allow({"hooks.example.org", "127.0.0.1:9000", "[::1]:8443"});
  const struct {
    const char* url;
    bool allowed;
  } cases[] = {
      {"https://hooks.example.org/x", true},       {"http://HOOKS.example.org/x", true},
      {"http://hooks.example.org:81/x", false},    // an entry without a port allows the default port only
      {"http://127.0.0.2:9000/", false},           {"http://[::ffff:127.0.0.1]:9000/", true},
      {"http://127.0.0.1:9000/", true},            {"http://127.0.0.1:9001/", false},
      {"http://127.0.0.1/", false},                {"http://localhost:9000/", false},
      {"http://169.254.169.254/latest/meta-data", false}, {"http://hooks.example.org.evil.com/", false},
      {"https://[::1]:8443/h", true},              {"http://10.0.0.1:9000/", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.url);
    CHECK(allow.allows(parse_webhook_url(c.url)) == c.allowed);
    if (c.allowed)
      CHECK_NOTHROW(allow.check(c.url));
    else
      CHECK_THROWS_AS(allow.check(c.url), rasd::InvalidInput);
  }
  for (const char* bad : {"ftp://hooks.example.org/", "hooks.example.org/x", "http://user@hooks.example.org/",
                          "http://hooks.example.org:0/", "http:///x", "file:///etc/passwd"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(allow.check(bad), rasd::InvalidInput);
  }
  CHECK_THROWS_AS(WebhookAllowList{}.check("http://hooks.example.org/"), rasd::InvalidInput);  // empty: none
  CHECK(parse_webhook_url("http://h:81").path == "/");
  CHECK(parse_webhook_url("http://h/a?b=1#frag").path == "/a?b=1");
}

namespace {

/// An in-process HTTP receiver on 127.0.0.1 at an ephemeral port, failing the first `failures` POSTs.
struct Receiver {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<int> calls{0};
  int failures = 0;
  std::string last_body;
  std::mutex mutex;

  explicit Receiver(int fail_first = 0) : failures(fail_first) {
    server.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      const int n = ++calls;
      std::lock_guard lock(mutex);
      last_body = req.body;
      res.status = n <= failures ? 503 : 204;
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Receiver() {
    server.stop();
    thread.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/hook"; }
  std::string allow() const { return "127.0.0.1:" + std::to_string(port); }
};

WebhookPolicy fast_policy() {
  WebhookPolicy p;
  p.attempts = 3;
  p.first_backoff = std::chrono::milliseconds(10);
  p.timeout = std::chrono::milliseconds(1000);
  return p;
}

}  // namespace

TEST_CASE("alerts: a name on the allow-list vouches for public addresses only; ranges name the rest") {
  // localhost resolves to 127.0.0.1: a name entry alone does not open loopback.
  const WebhookAllowList by_name({"localhost:9000"});
  CHECK(by_name.allows(parse_webhook_url("http://localhost:9000/")));  // the check at creation
  try {
    resolve_checked(parse_webhook_url("http://localhost:9000/"), by_name);
    FAIL("a name resolving to loopback was allowed");
  } catch (const rasd::InvalidInput& e) {
    CHECK(std::string(e.what()).find("loopback") != std::string::npos);
  }
  const WebhookAllowList by_range({"localhost:9000", "127.0.0.0/8:9000"});
  CHECK(resolve_checked(parse_webhook_url("http://localhost:9000/"), by_range).text().rfind("127.", 0) == 0);
  const WebhookAllowList ranges({"10.0.0.0/8", "[fd00::/8]:8443"});
  CHECK(ranges.allows(parse_webhook_url("http://10.1.2.3/")));
  CHECK_FALSE(ranges.allows(parse_webhook_url("http://10.1.2.3:8080/")));
  CHECK(ranges.allows(parse_webhook_url("https://[fd12::1]:8443/")));
  CHECK_FALSE(ranges.allows(parse_webhook_url("http://11.0.0.1/")));
  const struct {
    const char* ip;
    const char* kind;
  } kinds[] = {{"127.0.0.1", "loopback"}, {"10.0.0.1", "private"}, {"192.168.1.1", "private"}, {"172.16.0.1", "private"},
               {"169.254.169.254", "link-local"}, {"224.0.0.1", "multicast"}, {"0.0.0.0", "unspecified"},
               {"::1", "loopback"}, {"fe80::1", "link-local"}, {"fd00::1", "private"}, {"ff02::1", "multicast"},
               {"::ffff:10.0.0.1", "private"}, {"100.64.0.1", "shared (CGNAT)"}, {"8.8.8.8", ""}, {"2a00:1450::1", ""}};
  for (const auto& k : kinds) {
    CAPTURE(k.ip);
    REQUIRE(parse_ip(k.ip));
    CHECK(non_public_kind(*parse_ip(k.ip)) == k.kind);
  }
  CHECK_THROWS_AS(WebhookAllowList({"10.0.0.0/33"}), rasd::InvalidInput);
  CHECK_THROWS_AS(WebhookAllowList({"::1:80"}), rasd::InvalidInput);
}

TEST_CASE("alerts: a webhook reaches a local receiver, retrying server errors with backoff") {
  Receiver receiver(/*fail_first=*/2);
  const WebhookAllowList allow({receiver.allow()});
  const WebhookResult r = post_webhook(receiver.url(), R"({"x":1})", allow, fast_policy());
  CHECK(r.ok);
  CHECK(r.attempts == 3);
  CHECK(receiver.calls == 3);
  std::lock_guard lock(receiver.mutex);
  CHECK(receiver.last_body == R"({"x":1})");
}

TEST_CASE("alerts: a failing webhook reports why, and a host off the list is never contacted") {
  Receiver receiver(/*fail_first=*/100);
  const WebhookResult failed = post_webhook(receiver.url(), "{}", WebhookAllowList({receiver.allow()}), fast_policy());
  CHECK_FALSE(failed.ok);
  CHECK(failed.attempts == 3);
  CHECK(failed.error == "HTTP 503");
  const int before = receiver.calls;
  const WebhookResult refused = post_webhook(receiver.url(), "{}", WebhookAllowList({"example.org"}), fast_policy());
  CHECK_FALSE(refused.ok);
  CHECK(refused.error.find("allow-list") != std::string::npos);
  CHECK(receiver.calls == before);
}
