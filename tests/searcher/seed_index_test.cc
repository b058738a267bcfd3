// The searcher and `rasd search` over a real index built by `rasd index` from fixtures/seeds
// plus a few JSONL reports: query-side and index-side terms agree for every word of the
// seeds, phrases match through clitics, collapse, JSON keys, batch mode and exit codes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "index/index_reader.h"
#include "index/schema.h"
#include "searcher/searcher.h"
#include "tests/support/command.h"
#include "tests/support/fixture_index.h"
#include "tests/support/temp_dir.h"

using namespace rasd;

namespace {

const char* kExtraReports =
    R"({"id":"x1","title":"غارات على الجنوب","body":"شنت طائرات تابعة للقوات الإسرائيليه غارات على مواقع لحزب الله في جنوب لبنان وقالت مصادر محلية إن الغارات استهدفت مخازن أسلحة قرب الحدود.","source":"bbc","published":"2020-06-01","url":"https://example.org/x1"}
{"id":"x2","title":"اعتقال خلية في طنجة","body":"أعلنت السلطات المغربية اليوم تفكيك خلية إرهابية من خمسة عناصر في مدينة طنجة كانت تخطط لتنفيذ هجمات ضد منشآت حيوية وأماكن عامة في عدة مدن، وقالت المديرية العامة لمراقبة التراب الوطني إن أفراد الخلية بايعوا تنظيم داعش وإن التحقيقات متواصلة تحت إشراف النيابة العامة المختصة بقضايا الإرهاب.","source":"hespress","published":"2021-02-05"}
{"id":"x3","title":"اعتقال خلية في طنجة","body":"أعلنت السلطات المغربية اليوم تفكيك خلية إرهابية من خمسة عناصر في مدينة طنجة كانت تخطط لتنفيذ هجمات ضد منشآت حيوية وأماكن عامة في عدة مدن، وقالت المديرية العامة لمراقبة التراب الوطني إن أفراد الخلية بايعوا تنظيم داعش وإن التحقيقات متواصلة تحت إشراف النيابة العامة المختصة بقضايا الإرهاب.","source":"alyaoum24","published":"2021-02-06"}
{"id":"long-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","title":"مهرجان ثقافي","body":"افتتح مهرجان ثقافي للموسيقى الأندلسية في مدينة تونس بمشاركة فرق من عدة بلدان.","source":"tap","published":"2020-01-01"}
)";

const std::string kLongId = "long-" + std::string(250, 'x');  // longer than an id term may be

using rasd::test::CommandResult;
using rasd::test::shell_quote;

CommandResult rasd_cli(const std::string& args) { return rasd::test::run_command(rasd::test::rasd_command(args) + " 2>/dev/null"); }

struct SeedIndex {
  test::TempDir dir;
  std::string db;
  SeedIndex() : db((dir.path() / "db").string()) {
    std::ofstream((dir.path() / "extra.jsonl").string()) << kExtraReports;
    const std::string cmd = std::string(RASD_BINARY) + " index --quiet --db " + shell_quote(db) + " " +
                            shell_quote(std::string(RASD_SOURCE_DIR) + "/fixtures/seeds") + " " +
                            shell_quote((dir.path() / "extra.jsonl").string()) + " > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
};

SeedIndex& seed() {
  static SeedIndex s;
  return s;
}

std::vector<std::string> ids_of(const SearchResult& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) { return std::find(v.begin(), v.end(), id) != v.end(); }

}  // namespace

TEST_CASE("terms: every word of the seeds, analysed as a query, finds its stem in the index") {
  IndexReader index(seed().db);
  const auto analyzer = index.make_analyzer();
  std::set<std::string> missing;
  std::size_t words = 0;
  // The stored title and cleaned text of each seed: what the indexer analysed.
  for (auto it = index.db().postlist_begin(""); it != index.db().postlist_end(""); ++it) {
    const auto data = nlohmann::json::parse(index.db().get_document(*it).get_data());
    if (data["id"].get<std::string>().starts_with("x")) continue;
    const std::string text = data["title"].get<std::string>() + "\n" + data["text"].get<std::string>();
    for (const Token& t : analyzer->tokenize(text)) {
      const std::string word = text.substr(t.start, t.end - t.start);
      AnalyzeContext ctx;
      ctx.stats = &index.stats();
      const Analysis q = analyzer->analyze(word, ctx);  // the word exactly as a query sees it
      ++words;
      for (const Token& qt : q.tokens) {
        if (!index.db().term_exists(qt.norm)) missing.insert(word + " (surface " + qt.norm + ")");
        if (!index.db().term_exists(schema::term(schema::kStem, qt.stem))) missing.insert(word + " (stem " + qt.stem + ")");
      }
    }
  }
  CHECK(words > 1000);
  std::string first;
  for (const std::string& m : missing)
    if (first.size() < 2000) first += m + "\n";
  INFO("words whose query terms the index lacks:\n" << first);
  CHECK(missing.empty());
}

TEST_CASE("seed index: phrases through clitics, entity names, collapse, more like this") {
  Searcher s(seed().db);
  SearchRequest r;
  r.limit = 20;
  r.query = "\"القوات الإسرائيلية\"";  // indexed as للقوات الإسرائيليه
  CHECK(ids_of(s.search(r)) == std::vector<std::string>{"x1"});
  r.query = "\"الإسرائيلية القوات\"";
  CHECK(s.search(r).total == 0);
  r.query = "حزب الله";  // لحزب الله in x1, حزب الله، in a seed
  const SearchResult hez = s.search(r);
  CHECK(has(ids_of(hez), "x1"));
  CHECK(hez.total >= 2);
  r.query = "org:hezbollah";
  CHECK(s.search(r).total == hez.total);
  r.query = "طنجة";
  const SearchResult tangier = s.search(r);
  REQUIRE(tangier.hits.size() == 1);  // x2 and x3 are one story
  CHECK(tangier.hits[0].copies == 2);
  REQUIRE(tangier.hits[0].copy_list.size() == 1);
  SearchRequest counted = r;
  counted.facets = true;
  const SearchResult collapsed = s.search(counted);
  CHECK(collapsed.total == 1);  // exact with facets: the copies are one story
  CHECK(collapsed.total_exact);
  r.collapse = false;
  CHECK(s.search(r).hits.size() == 2);
  SearchRequest like;
  like.like_id = "x2";
  like.collapse = false;
  const SearchResult more = s.search(like);
  REQUIRE_FALSE(more.hits.empty());
  CHECK(more.hits[0].id == "x3");
}

TEST_CASE("seed index: a long id is found, shown and returned whole") {
  Searcher s(seed().db);
  CHECK(s.document(kLongId)["id"] == kLongId);
  SearchRequest r;
  r.query = "مهرجان";
  const SearchResult full = s.search(r);
  REQUIRE(full.hits.size() == 1);
  CHECK(full.hits[0].id == kLongId);
  r.ids_only = true;
  CHECK(s.search(r).hits.at(0).id == kLongId);
  SearchRequest like;
  like.like_id = kLongId;
  CHECK_NOTHROW(s.search(like));
}

TEST_CASE("rasd search: JSON keys, facets line, batch, exit codes") {
  const std::string db = "--db " + shell_quote(seed().db);
  const CommandResult hits = rasd_cli("search " + db + " --json --facets --country Morocco المغرب");
  CHECK(hits.code == 0);
  std::istringstream lines(hits.out);
  std::string line;
  int hit_lines = 0;
  bool facets_line = false;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    if (j.contains("facets")) {
      facets_line = true;
      CHECK(j.contains("histogram"));
      CHECK(j["total"].get<int>() == hit_lines);
      continue;
    }
    ++hit_lines;
    for (const char* key : {"id", "rank", "score", "title", "source", "url", "published", "snippet", "entities", "copies"}) {
      CAPTURE(key);
      CHECK(j.contains(key));
    }
  }
  CHECK(hit_lines >= 4);
  CHECK(facets_line);

  CHECK(rasd_cli("search " + db + " zzqqxxvv").code == 1);
  // A filter flag takes one value: the query after it stays the query.
  CHECK(rasd_cli("search " + db + " --country Morocco zzqqxxvv").code == 1);
  CHECK(rasd_cli("search " + db + " --country Morocco --country DZ طنجة").code == 0);
  CHECK(rasd_cli("search " + db + " '(المغرب'").code == 2);
  CHECK(rasd_cli("search " + db + " --sort sideways المغرب").code == 2);
  CHECK(rasd_cli("search " + db + " --from 2019-99-99x المغرب").code == 2);
  CHECK(rasd_cli("search --db " + shell_quote(seed().db + "-missing") + " المغرب").code == 3);

  const std::string batch = (seed().dir.path() / "batch.txt").string();
  std::ofstream(batch) << "المغرب\nطنجة\n\"القوات\n";
  const CommandResult b = rasd_cli("search " + db + " --json --batch " + shell_quote(batch));
  CHECK(b.code == 0);
  std::istringstream blines(b.out);
  std::vector<nlohmann::json> rows;
  while (std::getline(blines, line)) rows.push_back(nlohmann::json::parse(line));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["query"] == "المغرب");
  CHECK(rows[0]["total"].get<int>() >= 4);
  CHECK(rows[0]["took_us"].get<int>() >= 0);
  CHECK(rows[1]["hits"][0].contains("score"));
  CHECK(rows[2].contains("error"));
}
