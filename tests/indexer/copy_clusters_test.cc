// Copy clusters as the index keeps them: the copies a document lists, and one bulk build giving
// the same clusters as ingesting the same reports in 20 batches.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/copies.h"
#include "index/schema.h"
#include "indexer/indexing_run.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"

using namespace rasd;
using rasd::test::TempDir;
using rasd::test::write_file;

namespace {

std::string words(int story, int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i) s.append("كلمة").append(std::to_string(story * 1000 + i)).append(" ");
  return s;
}

std::string name(const char* prefix, int n, const char* suffix = "") {
  std::string s(prefix);
  s.append(std::to_string(n)).append(suffix);
  return s;
}

std::string line(const std::string& id, const std::string& source, const std::string& body) {
  return nlohmann::json({{"id", id}, {"title", "عنوان " + id}, {"body", body}, {"source", source},
                         {"published", "2023-05-02"}})
             .dump() +
         "\n";
}

// 8 stories with 3 copies each (whole, a sentence added, the opening 200 of 300 words kept) and
// 16 stories printed once, interleaved: 40 reports.
std::vector<std::string> reports() {
  std::vector<std::string> out;
  for (int s = 0; s < 8; ++s) {
    out.push_back(line(name("s", s, "-wire"), "spa", words(s, 0, 300)));
    out.push_back(line(name("alone", 2 * s), "okaz", words(100 + 2 * s, 0, 120)));
  }
  for (int s = 0; s < 8; ++s) {
    out.push_back(line(name("s", s, "-added"), "alriyadh", words(s, 0, 300) + "وأضاف المصدر أن التحقيق مستمر"));
    out.push_back(line(name("alone", 2 * s + 1), "sabq", words(101 + 2 * s, 0, 120)));
    out.push_back(line(name("s", s, "-cut"), "alyaum", words(s, 0, 200)));
  }
  return out;
}

// The clusters as sets of ids (keys differ between builds; membership must not).
std::set<std::set<std::string>> clusters(const std::string& db_dir) {
  const Xapian::Database db(db_dir);
  std::map<std::string, std::set<std::string>> by_key;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::Document d = db.get_document(*p);
    const std::string id = nlohmann::json::parse(d.get_data())["id"];
    const std::string key = d.get_value(schema::kCluster);
    by_key[key.empty() ? "alone:" + id : key].insert(id);
  }
  std::set<std::set<std::string>> out;
  for (auto& [key, ids] : by_key) out.insert(ids);
  return out;
}

}  // namespace

TEST_CASE("copies: one bulk build and 20 batches of ingest give the same clusters; a document lists its copies") {
  TempDir dir;
  const std::vector<std::string> all = reports();
  REQUIRE(all.size() == 40);
  std::string whole;
  for (const std::string& r : all) whole += r;
  write_file(dir / "bulk/all.jsonl", whole);
  IndexOptions bulk;
  bulk.threads = 2;
  rasd::test::index_paths(dir / "db-bulk", {dir / "bulk"}, nullptr, bulk);
  IndexOptions one;
  one.threads = 1;
  for (std::size_t batch = 0; batch < 20; ++batch) {
    const std::string folder = dir / name("batch", static_cast<int>(batch));
    write_file(folder + "/b.jsonl", all[2 * batch] + all[2 * batch + 1]);
    rasd::test::index_paths(dir / "db-batches", {folder}, nullptr, one);
  }
  const auto from_bulk = clusters(dir / "db-bulk");
  CHECK(from_bulk == clusters(dir / "db-batches"));
  CHECK(from_bulk.size() == 8 + 16);
  CHECK(from_bulk.count({"s3-wire", "s3-added", "s3-cut"}) == 1);
  CHECK(from_bulk.count({"alone5"}) == 1);

  const Xapian::Database db(dir / "db-batches");
  const std::vector<StoredCopy> copies = stored_copies(db, "s3-added");
  REQUIRE(copies.size() == 2);
  CHECK(copies[0].id == "s3-wire");  // earliest ingest first
  CHECK(copies[0].source == "spa");
  CHECK(copies[0].title == "عنوان s3-wire");
  CHECK(copies[0].published.starts_with("2023-05-02"));
  CHECK(copies[1].id == "s3-cut");
  CHECK(stored_copies(db, "alone5").empty());
  CHECK(stored_copies(db, "no-such-id").empty());
}
