// Re-indexing in place: from the stored documents with this rasd's analyzer, keeping ids,
// sequences and content hashes, swapped in while a Searcher keeps answering.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "admin/reindex.h"
#include "error/error.h"
#include "index/index_folder.h"
#include "index/schema.h"
#include "indexer/index_writer.h"
#include "searcher/searcher.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"

using namespace rasd;
using rasd::test::TempDir;

namespace {

// id -> (sequence, content hash) of every document.
std::map<std::string, std::pair<std::uint64_t, std::string>> identities(const std::string& db) {
  const Xapian::Database d(db);
  std::map<std::string, std::pair<std::uint64_t, std::string>> out;
  for (Xapian::docid id = 1; id <= d.get_lastdocid(); ++id) {
    Xapian::Document doc;
    try {
      doc = d.get_document(id);
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    const nlohmann::json data = nlohmann::json::parse(doc.get_data());
    out[data["id"]] = {schema::sequence_from_value(doc.get_value(schema::kSequence)),
                       doc.get_value(schema::kContentHash)};
  }
  return out;
}

std::string fixture(const std::string& name) { return std::string(RASD_SOURCE_DIR) + "/fixtures/" + name; }

}  // namespace

TEST_CASE("reindex: an index of an older analyzer is rebuilt; ids, sequences and hashes stay") {
  TempDir dir;
  const std::string db = dir / "index";
  rasd::test::index_paths(db, {fixture("seeds"), fixture("indexer/reports.jsonl")});
  const auto before = identities(db);
  const std::uint64_t docs = before.size();
  REQUIRE(docs >= 6);
  std::string current;
  {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    current = w.get_metadata(std::string(schema::kMetaAnalyzer));
    w.set_metadata(std::string(schema::kMetaAnalyzer), "rasd-light/0/g0");  // as an older rasd wrote it
    w.commit();
  }
  CHECK_THROWS_AS(Searcher{db}, VersionMismatch);

  std::size_t last_done = 0;
  const ReindexSummary s = reindex({db, "", 2, 2}, [&](std::size_t done, std::size_t total) {
    CHECK(done <= total);
    last_done = done;
  });
  CHECK(s.documents == docs);
  CHECK(last_done == docs);
  CHECK(s.from_analyzer == "rasd-light/0/g0");
  CHECK(s.to_analyzer == current);
  CHECK(identities(db) == before);
  Searcher searcher(db);  // accepted now
  SearchRequest request;
  request.query = "المغرب";
  CHECK(searcher.search(request).total >= 4);
  CHECK_FALSE(std::filesystem::exists(db + ".reindex"));

  // A document indexed afterwards continues the sequence.
  rasd::test::index_paths(db, {fixture("indexer/page.html")});
  const auto after = identities(db);
  std::uint64_t highest = 0;
  for (const auto& [id, v] : before) highest = std::max(highest, v.first);
  CHECK(after.size() == docs + 1);
  for (const auto& [id, v] : after)
    if (!before.count(id)) CHECK(v.first > highest);
}

TEST_CASE("reindex: searches go on against the old index and then the new one; writers are kept out") {
  TempDir dir;
  const std::string db = dir / "index";
  rasd::test::index_paths(db, {fixture("seeds"), fixture("demo/ant-2018-10.trec.gz")});
  Searcher searcher(db);
  SearchRequest request;
  request.query = "خاشقجي";
  const std::uint64_t total = searcher.search(request).total;
  REQUIRE(total > 10);

  std::atomic<bool> done{false}, writing{false};
  std::thread rebuild([&] {
    reindex({db, "", 1, 50}, [&](std::size_t, std::size_t) { writing = true; });
    done = true;
  });
  const FolderIdentity old_folder = folder_identity(db);
  std::size_t searches = 0;
  bool writer_refused = false, switched = false;
  while (!done && searches < 100000) {
    switched |= searcher.reopen();
    CHECK(searcher.search(request).total == total);
    ++searches;
    if (writing && !writer_refused) {
      try {
        IndexWriter w(db);
      } catch (const IndexError&) {
        writer_refused = true;  // the re-index holds the write lock
      }
    }
  }
  rebuild.join();
  CHECK(searches > 0);
  switched |= searcher.reopen();
  CHECK(switched);  // the exchanged folder is seen
  CHECK(folder_identity(db) != old_folder);
  CHECK(searcher.search(request).total == total);
  CHECK(writer_refused);
}

TEST_CASE("reindex: refused while a writer holds the index, and on a missing one") {
  TempDir dir;
  const std::string db = dir / "index";
  rasd::test::index_paths(db, {fixture("seeds")});
  {
    IndexWriter writer(db);
    CHECK_THROWS_WITH_AS(reindex({db, "", 0, 250}), doctest::Contains("is being written"), IndexError);
  }
  CHECK_THROWS_AS(reindex({dir / "none", "", 0, 250}), NotFound);
}
