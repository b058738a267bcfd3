// Backups of a live index: taken while a writer keeps committing, each one revision whole
// (xapian-check, its document count against the revision and sequence it names), and restores.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <xapian.h>

#include "admin/backup.h"
#include "admin/manifest.h"
#include "alerts/store.h"
#include "alerts/store_copy.h"
#include "error/error.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "searcher/searcher.h"
#include "tests/support/command.h"
#include "tests/support/temp_dir.h"

using namespace rasd;
using rasd::test::TempDir;

namespace {

Report synthetic_report(int i) {
  Report r;
  r.id = "doc-" + std::to_string(i);
  r.title = "خبر رقم " + std::to_string(i) + " عن المغرب";
  for (int w = 0; w < 40; ++w) r.body.append("كلمة").append(std::to_string((i * 31 + w * 7) % 997)).append(" ");
  r.body.append("في الرباط");
  return r;
}

// Writes `total` documents, committing every `batch`: the load a backup runs under.
void write_documents(const std::string& db, int first, int total, int batch, std::atomic<int>* committed = nullptr) {
  IndexWriter writer(db);
  const auto analyzer = make_analyzer({StemmerKind::Light, ""});
  writer.use_analyzer(*analyzer);
  const DocumentBuilder builder(*analyzer);
  for (int i = first; i < first + total; ++i) {
    writer.add(builder.build(synthetic_report(i), nullptr));
    if ((i - first + 1) % batch == 0) {
      writer.commit();
      if (committed) *committed = i - first + 1;
    }
  }
  writer.commit();
  if (committed) *committed = total;
}

// Documents of `db` whose ingest sequence is below `next`.
std::uint32_t documents_before(const std::string& db, std::uint64_t next) {
  const Xapian::Database d(db);
  std::uint32_t n = 0;
  for (auto it = d.valuestream_begin(schema::kSequence); it != d.valuestream_end(schema::kSequence); ++it)
    if (schema::sequence_from_value(*it) < next) ++n;
  return n;
}

std::uint64_t highest_sequence(const std::string& db) {
  const Xapian::Database d(db);
  return d.get_doccount() ? schema::sequence_from_value(d.get_value_upper_bound(schema::kSequence)) : 0;
}

}  // namespace

TEST_CASE("backup under write load: every snapshot is one committed revision, checked by xapian-check") {
  REQUIRE(std::system("command -v xapian-check >/dev/null") == 0);
  TempDir dir;
  const std::string db = dir / "index";
  write_documents(db, 0, 50, 50);  // the index exists before the load starts
  constexpr int kTotal = 3000;
  std::atomic<int> committed{0};
  std::atomic<bool> writer_failed{false};
  std::thread writer([&] {
    try {
      write_documents(db, 1000, kTotal, 50, &committed);
    } catch (...) {
      writer_failed = true;
    }
  });
  std::vector<BackupManifest> taken;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (int n = 0; n < 40 && committed < kTotal && std::chrono::steady_clock::now() < deadline; ++n) {
    BackupOptions o;
    o.db_dir = db;
    o.out = dir / ("backup-" + std::to_string(n));
    taken.push_back(backup(o));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  writer.join();
  REQUIRE_FALSE(writer_failed);  // writers wait for a copy, never fail
  CHECK(Xapian::Database(db).get_doccount() == 50 + kTotal);
  REQUIRE(taken.size() >= 2);
  std::size_t mid_load = 0;
  for (std::size_t n = 0; n < taken.size(); ++n) {
    const BackupManifest& m = taken[n];
    const std::string copy = dir / ("backup-" + std::to_string(n)) + "/index";
    CAPTURE(n);
    CAPTURE(m.revision);
    CHECK(rasd::test::run_command("xapian-check " + rasd::test::shell_quote(copy) + " >/dev/null 2>&1").code == 0);
    const Xapian::Database snapshot(copy);
    CHECK(snapshot.get_revision() == m.revision);
    CHECK(snapshot.get_doccount() == m.documents);
    CHECK(highest_sequence(copy) < m.next_sequence);
    // The live index, once the writer is done, holds exactly these documents below that sequence.
    CHECK(documents_before(db, m.next_sequence) == m.documents);
    CHECK(verify_backup(dir / ("backup-" + std::to_string(n)), false).documents == m.documents);
    if (m.documents > 50 && m.documents < 50 + kTotal) ++mid_load;
  }
  CHECK(mid_load >= 1);  // at least one snapshot was taken while the writer was half-way
}

TEST_CASE("backup: the alerts file goes with it (SQLite's online backup), restore puts both back") {
  TempDir dir;
  const std::string db = dir / "index";
  write_documents(db, 0, 120, 40);
  const std::string alerts_file = dir / "alerts.sqlite";
  {
    alerts::AlertStore store(alerts_file);
    alerts::AlertSpec spec;
    spec.name = "morocco";
    spec.query = "المغرب";
    store.add(spec, 120, 1700000000);
  }
  BackupOptions o;
  o.db_dir = db;
  o.alerts_file = alerts_file;
  o.out = dir / "backup";
  const BackupManifest m = backup(o);
  CHECK(m.documents == 120);
  CHECK(m.has_alerts);
  CHECK(m.alerts == 1);
  CHECK(std::filesystem::exists(dir / "backup/backup.json"));
  CHECK_FALSE(std::filesystem::exists(dir / "backup.partial"));
  CHECK_THROWS_AS(backup(o), InvalidInput);  // the folder exists: never overwritten

  RestoreOptions r;
  r.backup_dir = dir / "backup";
  r.db_dir = dir / "restored";
  r.alerts_file = dir / "restored.sqlite";
  CHECK(restore(r).documents == 120);
  CHECK(Xapian::Database(dir / "restored").get_doccount() == 120);
  CHECK(alerts::inspect_store(dir / "restored.sqlite").alerts == 1);
  CHECK_THROWS_AS(restore(r), InvalidInput);  // both exist now: --replace is needed
}

TEST_CASE("restore --replace: exchanged in one step under an open Searcher, refused while a writer holds the index") {
  TempDir dir;
  const std::string db = dir / "index";
  write_documents(db, 0, 60, 60);
  BackupOptions o;
  o.db_dir = db;
  o.out = dir / "backup";
  backup(o);
  write_documents(db, 100, 40, 40);  // the live index moves on: 100 documents
  Searcher searcher(db);
  CHECK(searcher.document_count() == 100);

  RestoreOptions r;
  r.backup_dir = dir / "backup";
  r.db_dir = db;
  r.replace = true;
  {
    IndexWriter busy(db);  // a writer holds the lock: restoring under it would lose its commits
    CHECK_THROWS_AS(restore(r), IndexError);
  }
  restore(r);
  CHECK(searcher.reopen());  // the Searcher sees the exchanged folder
  CHECK(searcher.document_count() == 60);
  CHECK_FALSE(std::filesystem::exists(db + ".restoring"));
}

TEST_CASE("verify_backup: a snapshot that does not match its manifest is refused") {
  TempDir dir;
  write_documents(dir / "index", 0, 30, 30);
  BackupOptions o;
  o.db_dir = dir / "index";
  o.out = dir / "backup";
  BackupManifest m = backup(o);
  m.documents = 31;
  rasd::test::write_file(dir / "backup/backup.json", manifest_json(m));
  CHECK_THROWS_WITH_AS(verify_backup(dir / "backup", false), doctest::Contains("does not match its manifest"),
                       InvalidInput);
  CHECK_THROWS_AS(verify_backup(dir / "nothing", false), InvalidInput);
}
