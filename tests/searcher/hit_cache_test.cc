// The Searcher's per-revision caches must never change an answer: ids-only hits (cold and warm)
// carry the same id and sequence as full hits, snippets cached for one query are not served to
// another, and after a reopen the ingest-sequence filter and the cached fields see the new
// revision.
#include <doctest/doctest.h>

#include <map>

#include "searcher/searcher.h"
#include "tests/searcher/searcher_fixture_docs.h"

using namespace rasd;

namespace {

SearchRequest request(const std::string& query, bool ids_only) {
  SearchRequest r;
  r.query = query;
  r.limit = 20;
  r.collapse = false;
  r.ids_only = ids_only;
  r.snippets = !ids_only;
  return r;
}

// Appends one report as the index's ninth ingest (the fixture writer starts a new database).
void append_d9(const std::string& dir, const Analyzer& analyzer) {
  Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
  Xapian::Document doc;
  const std::string idterm = schema::term(schema::kId, "d9");
  doc.add_boolean_term(idterm);
  test::add_text(doc, analyzer, "تهريب الأسلحة", 0, true);
  test::add_text(doc, analyzer, "ضبطت السلطات شحنة الأسلحة على الحدود.", 1000, false);
  doc.add_value(schema::kPublished, "2022-01-01");
  doc.add_value(schema::kSequence, Xapian::sortable_serialise(9.0));
  doc.add_value(schema::kFacets, "Saps");
  doc.set_data(nlohmann::json{{"id", "d9"}, {"title", "تهريب الأسلحة"}, {"source", "aps"}, {"text", "ضبطت السلطات شحنة الأسلحة على الحدود."}}.dump());
  db.replace_document(idterm, doc);
  db.commit();
}

std::map<std::string, std::uint64_t> sequences(const SearchResult& r) {
  std::map<std::string, std::uint64_t> out;
  for (const Hit& h : r.hits) out[h.id] = h.sequence;
  return out;
}

}  // namespace

TEST_CASE("hit cache: ids-only hits carry id and sequence, cold and warm") {
  test::TempDir dir;
  test::write_fixture_index(dir.str(), test::searcher_docs());
  Searcher searcher(dir.str());
  const auto cold = sequences(searcher.search(request("", true)));  // nothing cached yet
  REQUIRE(cold.size() == 8);
  for (const auto& [id, seq] : cold) CHECK(seq == static_cast<std::uint64_t>(id[1] - '0'));  // d<n> was written n-th
  const auto full = sequences(searcher.search(request("", false)));
  CHECK(full == cold);
  CHECK(sequences(searcher.search(request("", true))) == cold);  // warm: from the cache
}

TEST_CASE("hit cache: a document's snippet follows the query that found it") {
  test::TempDir dir;
  test::write_fixture_index(dir.str(), test::searcher_docs());
  Searcher searcher(dir.str());
  for (int pass = 0; pass < 2; ++pass) {  // the second pass is served from the cache
    const SearchResult baghdad = searcher.search(request("بغداد", false));
    const SearchResult market = searcher.search(request("سوقا", false));
    REQUIRE(baghdad.hits.size() == 2);
    REQUIRE(market.hits.size() == 2);
    CHECK(baghdad.hits[0].snippet.html.find("<mark>بغداد</mark>") != std::string::npos);
    CHECK(baghdad.hits[0].snippet.html.find("<mark>سوقا</mark>") == std::string::npos);
    CHECK(market.hits[0].snippet.html.find("<mark>سوقا</mark>") != std::string::npos);
    CHECK(market.hits[0].snippet.html.find("<mark>بغداد</mark>") == std::string::npos);
    CHECK(market.hits[0].title == "هجوم انتحاري في بغداد");
  }
}

TEST_CASE("sequence filter: every boundary, and a new revision after reopen") {
  test::TempDir dir;
  test::write_fixture_index(dir.str(), test::searcher_docs());
  Searcher searcher(dir.str());
  for (std::uint64_t after = 0; after <= 9; ++after) {
    SearchRequest r = request("", false);
    r.after_sequence = after;
    const auto got = sequences(searcher.search(r));
    CHECK(got.size() == (after < 8 ? 8 - after : 0));
    for (const auto& [id, seq] : got) CHECK(seq > after);
  }
  SearchRequest r = request("الأسلحة", false);
  r.after_sequence = 6;
  CHECK(sequences(searcher.search(r)) == std::map<std::string, std::uint64_t>{{"d8", 8}});
  append_d9(dir.str(), searcher.analyzer());
  REQUIRE(searcher.reopen());
  CHECK(sequences(searcher.search(r)) == std::map<std::string, std::uint64_t>{{"d8", 8}, {"d9", 9}});
  r.after_sequence = 8;
  const SearchResult fresh = searcher.search(r);
  REQUIRE(fresh.hits.size() == 1);
  CHECK(fresh.hits[0].id == "d9");
  CHECK(fresh.hits[0].title == "تهريب الأسلحة");
}
