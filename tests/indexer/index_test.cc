#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "error/error.h"
#include "index/xapian_adapter.h"
#include "indexer/clean.h"
#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"
#include "index/index_reader.h"
#include "index/schema.h"

using namespace rasd;
using rasd::test::fixture;
using rasd::test::TempDir;
using rasd::test::write_file;

namespace {

nlohmann::json stored(const std::string& db, const std::string& id) {
  const IndexReader reader(db);
  const auto data = stored_document(reader, id);
  REQUIRE(data);
  return nlohmann::json::parse(*data);
}

std::string jsonl(const std::string& id, const std::string& title, const std::string& body,
                  const std::string& extra = "") {
  nlohmann::json j = {{"id", id}, {"title", title}, {"body", body}, {"source", "Test"}, {"published", "2023-05-02"}};
  if (!extra.empty()) j["note"] = extra;
  return j.dump() + "\n";
}

std::string long_text(int seed) {
  std::string s;
  for (int i = 0; i < 300; ++i) s.append("كلمة").append(std::to_string(seed * 1000 + i)).append(" ");
  return s;
}

}  // namespace

TEST_CASE("the seed articles index into exactly 5 documents, boilerplate and repeats gone") {
  TempDir dir;
  const IndexSummary s = rasd::test::index_paths(dir / "db", {fixture("seeds")});
  CHECK(s.added == 5);
  CHECK(s.skipped_total() == 0);
  CHECK(Xapian::Database(dir / "db").get_doccount() == 5);
  const char* ids[] = {"000_8729763eaee5121f", "001_472c74c3ee9cd5b0", "002_83966f7a92c4e0a2", "003_8e8caa04f1716c70",
                       "004_2567ffb2ab6c4639"};
  for (const char* id : ids) {
    CAPTURE(id);
    const nlohmann::json d = stored(dir / "db", id);
    const std::string text = d["text"];
    for (const char* gone : {"تعليقات القراء", "لا يوجد تعليقات", "اترك رد", "لن يتم نشر عنوان بريدك", "طباعة شارك",
                             "ملصقات", "الرئيسية", "إقرأ أيضاً", "كلمات دلالية", "\n0\n", "\n124\n"}) {
      CAPTURE(gone);
      CHECK(text.find(gone) == std::string::npos);
    }
    CHECK(!std::string(d["title"]).empty());
  }
  const std::string t0 = stored(dir / "db", ids[0])["text"];
  CHECK(t0.find("انضمت إسرائيل رسميا") == 0);
  CHECK(t0.find("انضمت إسرائيل رسميا", 1) == std::string::npos);
  const std::string t1 = stored(dir / "db", ids[1])["text"];
  const std::string para = "وقالت وزارة الخارجية الأمريكية في بيان لها";
  CHECK(t1.find(para) != std::string::npos);
  CHECK(t1.find(para, t1.find(para) + 1) == std::string::npos);
  // The tag list and the "read also" article after it are not part of seed 004.
  CHECK(std::string(stored(dir / "db", ids[4])["text"]).find("حل الدولتين") == std::string::npos);
}

TEST_CASE("without the statistics pass, and with reports re-read after it, every document is indexed") {
  TempDir dir;
  IndexOptions no_precount;
  no_precount.precount = false;
  CHECK(rasd::test::index_paths(dir / "a", {fixture("seeds")}, nullptr, no_precount).added == 5);
  IndexOptions no_cache;
  no_cache.cache_bytes = 0;  // counted in the first pass, read again in the second
  CHECK(rasd::test::index_paths(dir / "b", {fixture("seeds")}, nullptr, no_cache).added == 5);
}

TEST_CASE("a document follows schema.h: terms, values, stored JSON, metadata") {
  TempDir dir;
  const IndexSummary s = rasd::test::index_paths(dir / "db", {fixture("indexer/reports.jsonl")});
  CHECK(s.added == 3);
  Xapian::Database db(dir / "db");
  const std::string q = schema::term(schema::kId, "ma-2023-001");
  REQUIRE(db.postlist_begin(q) != db.postlist_end(q));
  const Xapian::docid id = *db.postlist_begin(q);
  const Xapian::Document doc = db.get_document(id);
  CHECK(doc.get_value(schema::kPublished) == "2023-05-02");
  CHECK(doc.get_value(schema::kSourceValue) == "map");
  CHECK(doc.get_value(schema::kFacets).find("Smap") != std::string::npos);
  CHECK(doc.get_value(schema::kContentHash).size() == 16);
  CHECK(!doc.get_value(schema::kCluster).empty());
  CHECK(Xapian::sortable_unserialise(doc.get_value(schema::kSequence)) >= 1);
  const std::string stem = make_analyzer({StemmerKind::Light, ""})->stem("طنجه").stem;
  for (const std::string& t : {std::string("XSmap"), std::string("XY2023"), std::string("XM202305"),
                               std::string("XD20230502"), std::string("طنجه"), "Z" + stem, "S" + stem}) {
    CAPTURE(t);
    CHECK(db.term_exists(t));
  }
  // Stems are positional (phrases); surface forms are not.
  CHECK(db.positionlist_begin(id, "Z" + stem) != db.positionlist_end(id, "Z" + stem));
  CHECK(db.positionlist_begin(id, "طنجه") == db.positionlist_end(id, "طنجه"));
  const nlohmann::json d = nlohmann::json::parse(doc.get_data());
  for (const char* key : {"id", "title", "source", "url", "published", "lang", "seq", "text", "entities", "dates", "extra"}) {
    CAPTURE(key);
    CHECK(d.contains(key));
  }
  CHECK(d["extra"]["section"] == "أمن");
  CHECK(db.get_metadata(std::string(schema::kMetaStemmer)) == "light");
  CHECK(db.get_metadata(std::string(schema::kMetaSchema)) == std::to_string(schema::kSchemaVersion));
  CHECK(db.get_metadata(std::string(schema::kMetaNextSequence)) == "4");
  CHECK(db.get_metadata(std::string(schema::kMetaLastCommit)).size() == 20);
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)) == make_analyzer({StemmerKind::Light, ""})->name());
}

TEST_CASE("same id replaces, a re-run skips unchanged documents, delete removes") {
  TempDir dir;
  const std::string in = dir / "in/a.jsonl";
  write_file(in, jsonl("r1", "عنوان أول", "نص أول") + jsonl("r2", "عنوان ثان", "نص ثان"));
  CHECK(rasd::test::index_paths(dir / "db", {in}).added == 2);
  const IndexSummary again = rasd::test::index_paths(dir / "db", {in});
  CHECK(again.unchanged == 2);
  CHECK(again.added + again.replaced == 0);
  write_file(in, jsonl("r1", "عنوان أول", "نص معدل") + jsonl("r2", "عنوان ثان", "نص ثان"));
  const IndexSummary changed = rasd::test::index_paths(dir / "db", {in});
  CHECK(changed.replaced == 1);
  CHECK(changed.unchanged == 1);
  CHECK(Xapian::Database(dir / "db").get_doccount() == 2);
  const nlohmann::json r1 = stored(dir / "db", "r1");
  CHECK(r1["text"] == "نص معدل");
  CHECK(r1["seq"] == 3);  // sequence numbers keep growing across runs
  {
    IndexWriter writer(dir / "db");
    CHECK(writer.remove("r2"));
    CHECK_FALSE(writer.remove("missing"));
    writer.commit();
  }
  CHECK(Xapian::Database(dir / "db").get_doccount() == 1);
}

TEST_CASE("a bulk build of a new index writes one part per thread and merges them: each id once, newest kept") {
  TempDir dir;
  constexpr int kDocs = 2600, kCopies = 16;  // 16 ids written twice, far apart: some in both parts
  std::string in;
  for (int i = 0; i < kDocs; ++i) {
    const std::string n = std::to_string(i);
    if (i % 100 == 5 && i / 100 < kCopies)
      in += jsonl(std::string("dup").append(n), "نسخة أولى", "النص القديم " + long_text(i));
    in += jsonl(std::string("d").append(n), std::string("خبر ").append(n), std::string("نص الخبر ").append(n));
  }
  for (int c = 0; c < kCopies; ++c)
    in += jsonl(std::string("dup").append(std::to_string(c * 100 + 5)), "نسخة ثانية", "النص الجديد " + long_text(c));
  write_file(dir / "in/all.jsonl", in);
  IndexOptions options;
  options.threads = 2;
  const IndexSummary s = rasd::test::index_paths(dir / "db", {dir / "in"}, nullptr, options);
  CHECK(s.parts == 2);
  CHECK(s.added == kDocs + kCopies);
  CHECK(s.replaced == kCopies);
  CHECK_FALSE(std::filesystem::exists(dir / "db.part-1"));
  const Xapian::Database db(dir / "db");
  CHECK(db.get_doccount() == kDocs + kCopies);
  for (int c = 0; c < kCopies; ++c) {
    const std::string id = std::string("dup").append(std::to_string(c * 100 + 5));
    CAPTURE(id);
    CHECK(db.get_termfreq("Q" + id) == 1);
    CHECK(std::string(stored(dir / "db", id)["title"]) == "نسخة ثانية");
  }
  CHECK(db.get_termfreq("Qd2599") == 1);
  CHECK(db.get_metadata(std::string(schema::kMetaNextSequence)) == std::to_string(kDocs + 2 * kCopies + 1));
  std::set<std::string> sequences;
  for (auto v = db.valuestream_begin(schema::kSequence); v != db.valuestream_end(schema::kSequence); ++v)
    sequences.insert(*v);
  CHECK(sequences.size() == kDocs + kCopies);
}

TEST_CASE("exact and near duplicates share a cluster key; other texts do not") {
  TempDir dir;
  const std::string base = long_text(1);
  const std::string near = base + " المصدر وكالة";
  write_file(dir / "in/a.jsonl", jsonl("orig", "خبر", base) + jsonl("copy", "خبر", base) +
                                     jsonl("edited", "خبر", near) + jsonl("other", "خبر", long_text(2)));
  IndexOptions one_thread;
  one_thread.threads = 1;  // the order of the documents decides which one is the original
  const IndexSummary s = rasd::test::index_paths(dir / "db", {dir / "in"}, nullptr, one_thread);
  CHECK(s.exact_duplicates == 1);
  CHECK(s.near_duplicates == 1);
  Xapian::Database db(dir / "db");
  auto cluster = [&](const std::string& id) {
    return db.get_document(*db.postlist_begin(schema::term(schema::kId, id))).get_value(schema::kCluster);
  };
  CHECK(cluster("copy") == cluster("orig"));
  CHECK(cluster("edited") == cluster("orig"));
  CHECK(cluster("other") != cluster("orig"));
  // A later run finds the cluster through the index's band terms.
  write_file(dir / "in2/b.jsonl", jsonl("late", "خبر", base + " تحديث"));
  const IndexSummary later = rasd::test::index_paths(dir / "db", {dir / "in2"});
  CHECK(later.near_duplicates == 1);
  db.reopen();
  CHECK(cluster("late") == cluster("orig"));
}

TEST_CASE("a second writer is told the index is locked by another process") {
  TempDir dir;
  Xapian::WritableDatabase holder(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  try {
    IndexWriter second(dir / "db");
    FAIL("opened a locked index");
  } catch (const IndexError& e) {
    CHECK(std::string(e.what()).find("locked by another process") != std::string::npos);
  }
}

TEST_CASE("an index built by another analyzer version is refused") {
  TempDir dir;
  rasd::test::index_paths(dir / "db", {fixture("indexer/reports.jsonl")});
  {
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kMetaAnalyzer), "rasd-light/0/g0");
    db.commit();
  }
  CHECK_THROWS_AS(IndexReader(dir / "db").make_analyzer(), VersionMismatch);
  IndexWriter writer(dir / "db");
  CHECK_THROWS_AS(writer.use_analyzer(*make_analyzer({StemmerKind::Light, ""})), VersionMismatch);
}

TEST_CASE("skipped files and records are counted by reason") {
  TempDir dir;
  write_file(dir / "in/empty.txt", "");
  write_file(dir / "in/bin.txt", std::string("\0\1\2\3binary", 10));
  write_file(dir / "in/bad.jsonl", "{oops\n" + jsonl("ok", "عنوان", "نص"));
  rasd::test::Collector seen;
  const IndexSummary s = rasd::test::index_paths(dir / "db", {dir / "in"}, &seen);
  CHECK(s.added == 1);
  CHECK(s.skipped.at("empty file") == 1);
  CHECK(s.skipped.at("binary file") == 1);
  CHECK(s.skipped.at("malformed JSON") == 1);
  CHECK(s.skipped_total() == 3);
  REQUIRE(seen.skips.size() == 3);
}
