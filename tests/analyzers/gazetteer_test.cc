// Gazetteer: the built-in data, protected words, the fingerprint, and analyst directories
// (entries added or overridden; bad files rejected with file:line).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "analyzers/analyzer.h"
#include "error/error.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/normalizer.h"
#include "tests/support/temp_dir.h"

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

/// A fresh temporary directory holding the given files.
struct GazetteerDir : rasd::test::TempDir {
  explicit GazetteerDir(const Files& files) {
    for (const auto& [name, content] : files) rasd::test::write_file(*this / name, content);
  }
};

std::string norm(std::string_view s) {
  static const rasd::Normalizer n;
  return n.normalize_text(s);
}

std::size_t count(const rasd::Gazetteer& g, rasd::EntityType type) {
  std::size_t n = 0;
  for (const rasd::GazetteerEntry& e : g.entries()) n += e.type == type;
  return n;
}

}  // namespace

TEST_CASE("the built-in gazetteer covers every ISO country and the curated lists") {
  const auto g = rasd::Gazetteer::load("");
  CHECK(count(*g, rasd::EntityType::Country) >= 249);
  CHECK(count(*g, rasd::EntityType::Organization) >= 150);
  CHECK(count(*g, rasd::EntityType::Person) >= 200);
  CHECK(count(*g, rasd::EntityType::Place) >= 1000);
  for (const rasd::GazetteerEntry& e : g->entries()) {
    CAPTURE(e.id);
    CHECK(!e.label_ar.empty());
    if (e.type == rasd::EntityType::Country) CHECK(e.id.size() == 2);
    if (e.type == rasd::EntityType::Place && !e.country.empty()) CHECK(e.country.size() == 2);
  }
}

TEST_CASE("protected words: names, not titles or connectors") {
  const auto g = rasd::Gazetteer::load("");
  const rasd::WordSet& p = g->protected_words();
  for (const char* w : {"المغرب", "إسرائيل", "حموشي", "شبتاي", "نتنياهو", "الرباط", "مراكش", "الموساد", "داعش", "وام"}) {
    const std::string word = w;
    CAPTURE(word);
    CHECK(p.count(norm(w)) == 1);
  }
  for (const char* w : {"بن", "آل", "عبد", "وزير", "الشيخ", "القاعدة", "مالي", "الدولة"}) {
    const std::string word = w;
    CAPTURE(word);
    CHECK(p.count(norm(w)) == 0);
  }
}

TEST_CASE("the fingerprint is stable and follows the loaded entries") {
  const std::string builtin = rasd::Gazetteer::load("")->fingerprint();
  CHECK(builtin.size() == 8);
  CHECK(rasd::Gazetteer::load("")->fingerprint() == builtin);
  GazetteerDir extra(Files{{"watch.tsv", "person\tx-one\tزيد الخالدي\tZayd al-Khalidi\tMA\tزيد الخالدي\n"}});
  CHECK(rasd::Gazetteer::load(extra.path().string())->fingerprint() != builtin);
}

TEST_CASE("an analyst directory adds and overrides entries") {
  GazetteerDir extra(Files{{"watch.tsv",
                  "# analysts' list\n"
                  "person\tx-one\tزيد الخالدي\tZayd al-Khalidi\tMA\tزيد الخالدي|أبو زيد المغربي\n"
                  "org\tmossad\tجهاز الموساد\tMossad (watch list)\tIL\tالموساد\n"},
                 {"notes.txt", "not a gazetteer file"}});
  const rasd::Analyzer a({rasd::StemmerKind::None, extra.path().string()});
  const std::string text = "اجتمع أبو زيد المغربي مع الموساد";
  const rasd::Analysis r = a.analyze(text);
  REQUIRE(r.entities.size() == 2);
  CHECK(r.entities[0].id == "x-one");
  CHECK(r.entities[0].label_en == "Zayd al-Khalidi");
  CHECK(r.entities[1].id == "mossad");
  CHECK(r.entities[1].label_en == "Mossad (watch list)");
  CHECK(a.gazetteer().protected_words().count(norm("الخالدي")) == 1);
}

TEST_CASE("a bad gazetteer file is refused with its file and line") {
  struct Case {
    const char* what;
    const char* content;
    const char* message;
  };
  for (const Case& c : {Case{"too few fields", "# header\norg\tx\tس\n", "bad.tsv:2: expected 6"},
                        Case{"unknown type", "thing\tx\tس\tS\t\tس\n", "bad.tsv:1: unknown type"},
                        Case{"non-ascii id", "org\tمعرف\tس\tS\t\tس\n", "bad.tsv:1: the id must be ascii"},
                        Case{"bad country", "org\tx\tس\tS\tMAR\tس\n", "bad.tsv:1: the country must be"},
                        Case{"empty label", "org\tx\t\tS\t\tس\n", "bad.tsv:1: the Arabic label is empty"}}) {
    const std::string what = c.what;
    CAPTURE(what);
    GazetteerDir extra(Files{{"bad.tsv", c.content}});
    try {
      rasd::Gazetteer::load(extra.path().string());
      FAIL("no error");
    } catch (const rasd::InvalidInput& e) {
      CHECK(std::string(e.what()).find(c.message) != std::string::npos);
    }
  }
  CHECK_THROWS_AS(rasd::Gazetteer::load("/nonexistent/rasd-gazetteer"), rasd::NotFound);
}
