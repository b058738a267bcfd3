// The Searcher over a small index written through schema.h: each query operator, filters,
// facets (exact, disjunctive), the histogram, collapse, snippets, more-like-this, sequences.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "error/error.h"
#include "searcher/searcher.h"
#include "tests/searcher/searcher_fixture_docs.h"

using namespace rasd;

namespace {

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<Searcher> searcher;
  Fixture() {
    test::write_fixture_index(dir.str(), test::searcher_docs());
    searcher = std::make_unique<Searcher>(dir.str());
  }
};

Fixture& fixture() {
  static Fixture f;  // one index for the whole file: building it is the slow part
  return f;
}

SearchResult run(SearchRequest r) { return fixture().searcher->search(r); }

SearchRequest req(const std::string& q) {
  SearchRequest r;
  r.query = q;
  r.limit = 20;
  return r;
}

/// Hit ids, sorted and comma-joined (readable in failure messages).
std::string ids(const SearchResult& r) {
  std::set<std::string> sorted;
  for (const Hit& h : r.hits) sorted.insert(h.id);
  std::string out;
  for (const std::string& id : sorted) out += (out.empty() ? "" : ",") + id;
  return out;
}

std::uint64_t facet(const SearchResult& r, const std::string& name, const std::string& id) {
  const auto it = r.facets.find(name);
  if (it == r.facets.end()) return 0;
  for (const FacetValue& v : it->second)
    if (v.id == id) return v.count;
  return 0;
}

using Ids = std::string;

}  // namespace

TEST_CASE("operators: each finds exactly the reports it should") {
  SearchRequest no_collapse;
  const struct {
    std::string query;
    Ids expected;
  } cases[] = {
      {"طنجة", "d5"},
      {"هجوم بغداد", "d2"},                       // AND; d2 stands for its near-duplicate d1 (newer)
      {"في بغداد", "d2"},                         // stop word dropped
      {"\"هجوم انتحاري\"", "d2"},                 // phrase
      {"\"انتحاري هجوم\"", ""},                     // phrase keeps the order
      {"داعش", "d2,d5"},
      {"داعش -طنجة", "d2"},                       // exclusion
      {"طنجة OR إدلب", "d5,d7"},               // OR
      {"(طنجة OR إدلب) معارك", "d7"},             // parentheses
      {"معارك NEAR/3 النظام", ""},                  // six words apart
      {"معارك NEAR/8 النظام", "d7"},
      {"title:تعزز", "d6"},                       // title only: d4's body has تعزيز, not its title
      {"source:HESPRESS", "d4,d5"},
      {"country:MA", "d4,d5"},
      {"country:Morocco", "d4,d5"},            // English label
      {"country:المغرب", "d4,d5"},             // Arabic label
      {"org:ISIS", "d2,d5"},
      {"org:داعش country:MA", "d5"},
      {"place:Tangier", "d5"},
      {"date:2019", "d2,d7"},
      {"date:2021-11", "d4"},
      {"date:2021-02-05", "d5"},
      {"date:2021-02..2021-11", "d4,d5"},
      {"date:..2018", "d6,d8"},
      {"الحدود date:2021..", "d4"},
      {"تهريب*", "d6"},                           // wildcard on surface forms
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    CHECK(ids(run(req(c.query))) == c.expected);
  }
}

TEST_CASE("words: all must match, else the ranking falls back to any word") {
  const SearchResult strict = run(req("بغداد طنجة"));
  CHECK(strict.relaxed);
  CHECK(ids(strict) == Ids{"d2,d5"});
  CHECK_FALSE(run(req("هجوم بغداد")).relaxed);
  SearchRequest any = req("بغداد طنجة");
  any.any_words = true;
  CHECK(ids(run(any)) == Ids{"d2,d5"});
  SearchRequest no_relax = req("بغداد طنجة");  // what alerts ask: the whole query or nothing
  no_relax.relax = false;
  const SearchResult none = run(no_relax);
  CHECK(none.total == 0);
  CHECK_FALSE(none.relaxed);
}

TEST_CASE("request filters, dates and sort order") {
  SearchRequest r = req("");
  r.countries = {"DZ"};
  r.sort = SortOrder::Date;
  const SearchResult res = run(r);
  REQUIRE(res.hits.size() == 3);
  CHECK(res.hits[0].id == "d4");  // newest first
  CHECK(res.hits[1].id == "d6");
  CHECK(res.hits[2].id == "d8");
  r.from = "2018-07";
  r.to = "2019";
  CHECK(ids(run(r)) == Ids{"d6"});
  r.from = "2018-7";
  CHECK_THROWS_AS(run(r), InvalidInput);
  SearchRequest both = req("");
  both.countries = {"Morocco", "الجزائر"};  // ORed within a list
  both.sources = {"aps"};                    // ANDed across lists
  CHECK(ids(run(both)) == Ids{"d6,d8"});
}

TEST_CASE("facets: exact counts over all matches, disjunctive within a facet") {
  SearchRequest r = req("");
  r.facets = true;
  r.countries = {"MA"};
  r.limit = 1;
  const SearchResult res = run(r);
  CHECK(res.total == 2);
  CHECK(res.facets_exact);
  CHECK(facet(res, "country", "MA") == 2);
  CHECK(facet(res, "country", "DZ") == 3);  // selecting Morocco still shows Algeria's count
  CHECK(facet(res, "country", "SY") == 1);
  CHECK(facet(res, "source", "hespress") == 2);  // other facets count the filtered set
  CHECK(facet(res, "source", "aps") == 0);
  CHECK(facet(res, "org", "isis") == 1);
  CHECK(facet(res, "place", "tangier") == 1);
  const auto& countries = res.facets.at("country");
  const auto ma = std::find_if(countries.begin(), countries.end(), [](const FacetValue& v) { return v.id == "MA"; });
  REQUIRE(ma != countries.end());
  CHECK(ma->label_ar == "المغرب");
  CHECK(ma->label_en == "Morocco");
  CHECK(res.histogram == std::vector<std::pair<std::string, std::uint64_t>>{{"2021-02", 1}, {"2021-11", 1}});
}

TEST_CASE("facets: a person facet and the histogram follow the query") {
  SearchRequest r = req("داعش");
  r.facets = true;
  const SearchResult res = run(r);
  CHECK(facet(res, "org", "isis") >= 2);
  CHECK(facet(res, "place", "baghdad") >= 1);
  CHECK(res.facets.count("person") == 1);
  CHECK(res.histogram.size() >= 2);
}

TEST_CASE("collapse: one hit per cluster with its copies") {
  SearchRequest r = req("بغداد");
  const SearchResult res = run(r);
  REQUIRE(res.hits.size() == 1);
  CHECK(res.hits[0].copies == 2);
  REQUIRE(res.hits[0].copy_list.size() == 1);
  CHECK(res.hits[0].copy_list[0].id != res.hits[0].id);
  r.facets = true;
  const SearchResult counted = run(r);
  CHECK(counted.total == 1);
  CHECK(facet(counted, "country", "IQ") == 1);  // the cluster counts once, like the hit list
  CHECK(facet(counted, "source", "bbc") + facet(counted, "source", "aawsat") == 1);
  r.collapse = false;
  const SearchResult all = run(r);
  CHECK(ids(all) == Ids{"d1,d2"});
  CHECK(facet(all, "country", "IQ") == 2);
}

TEST_CASE("snippets: whole original words highlighted, offsets and escaped markup") {
  const SearchResult res = run(req("بغداد"));
  REQUIRE(res.hits.size() == 1);
  const Snippet& s = res.hits[0].snippet;
  REQUIRE_FALSE(s.highlights.empty());
  for (const Highlight& h : s.highlights) {
    REQUIRE(h.end <= s.text.size());
    CHECK(s.text.substr(h.start, h.end - h.start) == "بغداد");
  }
  CHECK(s.html.find("<mark>بغداد</mark>") != std::string::npos);
  SearchRequest r = req("التهريب");
  r.sources = {"aps"};
  r.to = "2018-06";
  const SearchResult esc = run(r);
  REQUIRE(esc.hits.size() == 1);
  const std::string& html = esc.hits[0].snippet.html;
  CHECK(html.find("&lt;script&gt; &amp;") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&quot;<mark>التهريب</mark>&quot;") != std::string::npos);  // the word, not the quotes
}

TEST_CASE("more like this, ingest sequence, documents and entities") {
  SearchRequest like;
  like.like_id = "d1";
  const SearchResult res = run(like);
  REQUIRE_FALSE(res.hits.empty());
  CHECK(res.hits[0].id == "d2");
  CHECK(ids(res).find("d1") == std::string::npos);
  like.like_id = "nope";
  CHECK_THROWS_AS(run(like), NotFound);

  SearchRequest after = req("");
  after.after_sequence = 6;
  CHECK(ids(run(after)) == Ids{"d7,d8"});
  CHECK(fixture().searcher->last_sequence() == 8);
  CHECK(fixture().searcher->document_count() == 8);
  CHECK(fixture().searcher->document("d3")["source"] == "bbc");
  CHECK_THROWS_AS(fixture().searcher->document("zz"), NotFound);
  const auto morocco = fixture().searcher->entities("country", "Mor", 5);
  REQUIRE(morocco.size() == 1);
  CHECK(morocco[0].id == "MA");
  CHECK(morocco[0].count == 2);
  CHECK_THROWS_AS(fixture().searcher->entities("planet", "", 5), InvalidInput);
}

TEST_CASE("limits: too many terms, short wildcards, deep pages") {
  QueryLimits limits;
  limits.max_terms = 3;
  Searcher small(fixture().dir.str(), limits);
  SearchRequest r = req("طنجة إدلب بغداد داعش");
  CHECK_THROWS_AS(small.search(r), LimitExceeded);
  r.query = "طنجة إدلب بغداد";
  CHECK_NOTHROW(small.search(r));
  CHECK_THROWS_WITH_AS(run(req("ت*")), "query: a wildcard needs at least 2 letters before '*' at character 1", InvalidInput);
  SearchRequest deep = req("داعش");
  deep.offset = 20000;
  CHECK_THROWS_AS(run(deep), LimitExceeded);
  CHECK_THROWS_AS(run(req("date:2019-13-99x")), InvalidInput);
}
