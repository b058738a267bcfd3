// Name forms: the proclitic chains taken off a name's first word, the gaps a name may span,
// and the word filter and table the extractors probe (no false negatives, ever).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/name_forms.h"
#include "analyzers/normalizer.h"
#include "analyzers/entities/word_table.h"
#include "tests/analyzers/analyzer_fixture.h"
#include "tests/support/table.h"

using rasd::test::joined;

namespace {

std::string norm(std::string_view s) {
  static const rasd::Normalizer n;
  return n.normalize_text(s);
}

std::vector<std::string> forms(std::string_view word) {
  const rasd::ProcliticForms f(word);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < f.size(); ++i) out.emplace_back(f[i]);
  return out;
}

}  // namespace

TEST_CASE("proclitic forms, least stripped first") {
  struct Row {
    const char* word;
    std::vector<const char*> expected;
  };
  for (const Row& r : std::vector<Row>{
           {"المغرب", {"المغرب"}},
           {"والمغرب", {"والمغرب", "المغرب"}},
           {"بالمغرب", {"بالمغرب", "المغرب"}},
           {"وبالمغرب", {"وبالمغرب", "بالمغرب", "المغرب"}},
           {"للمغرب", {"للمغرب", "المغرب", "لمغرب"}},
           {"كالمغرب", {"كالمغرب", "المغرب"}},
           {"كنيس", {"كنيس"}},            // ك only before the article
           {"وهو", {"وهو", "هو"}},
           {"وه", {"وه"}},                // a remainder keeps two letters
           {"لبنان", {"لبنان", "بنان"}},
       }) {
    std::vector<std::string> want;
    for (const char* w : r.expected) want.push_back(norm(w));
    const std::string word = norm(r.word);
    CAPTURE(word);
    CHECK(joined(forms(word)) == joined(want));
  }
}

TEST_CASE("a name spans spaces and hyphens, never punctuation or a line break") {
  CHECK(rasd::name_gap(" "));
  CHECK(rasd::name_gap(" - "));
  CHECK(rasd::name_gap("\u00A0"));
  CHECK_FALSE(rasd::name_gap(", "));
  CHECK_FALSE(rasd::name_gap("\n"));
  CHECK_FALSE(rasd::name_gap(". "));
  CHECK_FALSE(rasd::name_gap("\u060C "));  // Arabic comma
}

TEST_CASE("the word filter has no false negatives, also for proclitic forms") {
  rasd::WordFilter filter;
  const std::vector<std::string> words = {norm("المغرب"), norm("إسرائيل"), norm("حزب"), "nato", norm("محمد")};
  for (const std::string& w : words) filter.add_with_lam_forms(w);
  for (const std::string& w : words) CHECK(filter.may_contain(w));
  for (const char* text : {"والمغرب", "بالمغرب", "للمغرب", "وللمغرب", "فبإسرائيل", "لحزب", "ومحمد"}) {
    const std::string w = norm(text);
    CAPTURE(w);
    CHECK(filter.may_contain_forms_of(w));
  }
  int misses = 0;
  for (int i = 0; i < 1000; ++i) misses += !filter.may_contain(std::to_string(i) + "word");
  CHECK(misses > 950);  // a handful of words in 2^18 bits: almost no false positives
}

TEST_CASE("the two-bit name filter has no false negatives, also for proclitic forms") {
  rasd::NameFilter filter;
  const std::vector<std::string> words = {norm("المغرب"), norm("إسرائيل"), norm("حزب"), "nato", norm("علي")};
  for (const std::string& w : words) filter.add_with_lam_forms(w);
  for (const std::string& w : words) CHECK(filter.may_contain(w));
  for (const char* text : {"والمغرب", "بالمغرب", "للمغرب", "وللمغرب", "فبإسرائيل", "لحزب", "وعلي"}) {
    const std::string w = norm(text);
    CAPTURE(w);
    CHECK(filter.may_contain_forms_of(w));
  }
  int misses = 0;
  for (int i = 0; i < 1000; ++i) misses += !filter.may_contain(std::to_string(i) + "word");
  CHECK(misses > 990);
}

TEST_CASE("the word hash of a short word is its bytes in little-endian order, as a byte loop computes it") {
  // mix() gathers words under eight bytes with overlapping loads; the filters built from it
  // (and the stop-word filter) must see the same values as a plain loop over the bytes.
  auto reference = [](std::string_view w) {
    std::uint64_t head = 0, tail = 0;
    if (w.size() >= 8) return rasd::WordFilter::mix(w);  // unchanged path
    for (std::size_t i = 0; i < w.size(); ++i) head |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
    const std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ w.size()) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 29);
  };
  const std::string bytes = "\xD8\xB9\xD9\x84\xD9\x8A\x01\xFF" "abc";
  for (std::size_t n = 0; n < 8; ++n)
    for (std::size_t at = 0; at + n <= bytes.size(); ++at) {
      const std::string_view w = std::string_view(bytes).substr(at, n);
      CAPTURE(n);
      CHECK(rasd::WordFilter::mix(w) == reference(w));
    }
}

TEST_CASE("the word table finds exactly its words") {
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back(std::to_string(i) + "w");
  const rasd::WordTable table(words);
  for (std::uint32_t i = 0; i < words.size(); ++i) CHECK(table.find(words[i]) == i);
  CHECK(table.find("500w") == rasd::WordTable::kAbsent);
  CHECK(table.find("") == rasd::WordTable::kAbsent);
  CHECK(rasd::WordTable().find("1w") == rasd::WordTable::kAbsent);
}
