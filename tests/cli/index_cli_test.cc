// The real binary: exit codes, the lock message, and a kill -9 in the middle of a run.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/xapian_adapter.h"
#include "indexer/clean.h"
#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "tests/support/command.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"

using rasd::test::TempDir;
using rasd::test::write_file;

namespace {

using Result = rasd::test::CommandResult;

Result run(const std::string& cmd) { return rasd::test::run_command(cmd); }
std::string rasd_cmd(const std::string& args) { return rasd::test::rasd_command(args); }

void write_corpus(const std::string& path, int docs) {
  std::string out;
  for (int i = 0; i < docs; ++i) {
    std::string body;
    for (int w = 0; w < 60; ++w) body.append("كلمة").append(std::to_string((i * 31 + w * 7) % 5000)).append(" ");
    const nlohmann::json j = {{"id", std::string("d").append(std::to_string(i))},
                              {"title", std::string("خبر رقم ").append(std::to_string(i))},
                              {"body", body}};
    out.append(j.dump()).append("\n");
  }
  write_file(path, out);
}

std::uint32_t doc_count(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;  // not created yet, or mid-creation
  }
}

}  // namespace

TEST_CASE("rasd index: summary, show, stats, exit 2 when something was skipped") {
  TempDir dir;
  const Result ok = run(rasd_cmd("index --db " + dir / "db" + " " + rasd::test::fixture("seeds") + " 2>&1"));
  CHECK(ok.code == 0);
  CHECK(ok.out.find("indexed 5 (5 new, 0 replaced), unchanged 0, skipped 0") != std::string::npos);
  const Result again = run(rasd_cmd("index --db " + dir / "db" + " --json " + rasd::test::fixture("seeds")));
  CHECK(again.code == 0);
  CHECK(nlohmann::json::parse(again.out)["unchanged"] == 5);
  const Result stats = run(rasd_cmd("stats --json --db " + dir / "db"));
  REQUIRE(stats.code == 0);
  const auto s = nlohmann::json::parse(stats.out);
  CHECK(s["documents"] == 5);
  CHECK(s["terms"] > 100);
  CHECK(s["bytes"] > 0);
  CHECK(std::string(s["analyzer"]).rfind("rasd-light/", 0) == 0);
  const Result show = run(rasd_cmd("show --json --db " + dir / "db" + " 002_83966f7a92c4e0a2"));
  CHECK(show.code == 0);
  CHECK(nlohmann::json::parse(show.out)["title"] ==
        "اتفاقية أمنية بين المغرب وإسرائيل .. مكافحة الجريمة والإرهاب وتبادل المعلومات والتكنولوجيا");
  CHECK(run(rasd_cmd("show --db " + dir / "db" + " nope 2>/dev/null")).code == 1);
  const Result del = run(rasd_cmd("index --db " + dir / "db" + " --delete 000_8729763eaee5121f"));
  CHECK(del.code == 0);
  CHECK(doc_count(dir / "db") == 4);

  write_file(dir / "in/empty.txt", "");
  write_file(dir / "in/ok.txt", "عنوان\nنص الخبر\n");
  const Result skipped = run(rasd_cmd("index --db " + dir / "db2" + " " + dir / "in" + " 2>&1"));
  CHECK(skipped.code == 2);
  CHECK(skipped.out.find("empty.txt: skipped, the file is empty") != std::string::npos);
  CHECK(doc_count(dir / "db2") == 1);
}

TEST_CASE("rasd index: JSONL on stdin, --source, a dateline when metadata has no date") {
  TempDir dir;
  write_file(dir / "in.jsonl",
             "{\"id\":\"dl\",\"title\":\"خبر\",\"body\":\"الرباط في 12 مارس 2023 - أعلنت السلطات توقيف شخص.\"}\n");
  const Result r = run("cat " + dir / "in.jsonl" + " | " + rasd_cmd("index --quiet --source Agency --db " + dir / "db" + " -"));
  CHECK(r.code == 0);
  const auto d = nlohmann::json::parse(run(rasd_cmd("show --json --db " + dir / "db" + " dl")).out);
  CHECK(d["source"] == "Agency");
  CHECK(d["published"] == "2023-03-12");  // from the dateline: the text's first day-precision date
  CHECK(Xapian::Database(dir / "db").term_exists("XSagency"));
}

TEST_CASE("rasd index: a second writer gets a clear message") {
  TempDir dir;
  Xapian::WritableDatabase holder(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  const Result r = run(rasd_cmd("index --db " + dir / "db" + " " + rasd::test::fixture("seeds") + " 2>&1"));
  CHECK(r.code == 3);
  CHECK(r.out.find("locked by another process") != std::string::npos);
}

TEST_CASE("kill -9 mid-run leaves a sound index with every committed batch; a re-run completes it") {
  TempDir dir;
  constexpr int kDocs = 6000;
  constexpr int kBatch = 500;
  write_corpus(dir / "in/corpus.jsonl", kDocs);
  const std::string db = dir / "db";
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    execl(RASD_BINARY, RASD_BINARY, "index", "--quiet", "--threads", "2", "--batch", "500", "--db", db.c_str(),
          (dir / "in").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (doc_count(db) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));  // killed mid-run, not finished
  // A bulk build of a new index writes two parts at once: the index and its side part.
  const std::string part = db + ".part-1";
  const std::uint32_t in_index = doc_count(db), in_part = doc_count(part);
  const std::uint32_t committed = in_index + in_part;
  CHECK(in_index > 0);
  CHECK(committed < kDocs);
  CHECK(in_index % kBatch == 0);
  CHECK(in_part % kBatch == 0);
  CHECK(run("xapian-check " + db + " >/dev/null 2>&1").code == 0);
  // The re-run first merges the side part's committed batches into the index.
  const Result again = run(rasd_cmd("index --json --quiet --db " + db + " " + dir / "in"));
  REQUIRE(again.code == 0);
  const auto summary = nlohmann::json::parse(again.out);
  CHECK(summary["unchanged"] == committed);
  CHECK(summary["added"] == kDocs - committed);
  CHECK(doc_count(db) == kDocs);
  CHECK_FALSE(std::filesystem::exists(part));
  CHECK(run("xapian-check " + db + " >/dev/null 2>&1").code == 0);
}
