// Tokenizer: spans into the original text, positions, boundaries (ARABIC.md §1).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

namespace {

const rasd::Normalizer& normalizer() {
  static const rasd::Normalizer n;
  return n;
}
const rasd::Tokenizer& tokenizer() {
  static const rasd::Tokenizer t;
  return t;
}

std::vector<rasd::Token> tokens(std::string_view text) {
  return tokenizer().tokenize(normalizer().normalize(text));
}

std::vector<std::string> norms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokens(text)) out.push_back(t.norm);
  return out;
}

std::vector<std::string> originals(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokens(text)) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

// The invariants every tokenization must keep, whatever the input.
void check_invariants(std::string_view text) {
  std::uint32_t last_start = 0, last_pos = 0;
  bool first = true;
  for (const auto& t : tokens(text)) {
    REQUIRE(t.start < t.end);
    REQUIRE(t.end <= text.size());
    REQUIRE(t.start >= last_start);
    if (!first) REQUIRE(t.pos == last_pos + 1);
    REQUIRE(!t.norm.empty());
    last_start = t.start;
    last_pos = t.pos;
    first = false;
  }
}

}  // namespace

TEST_CASE("words split at spaces and punctuation, Arabic punctuation included") {
  using V = std::vector<std::string>;
  struct Case { const char* text; V expected; };
  const Case cases[] = {
      {"المغرب وإسرائيل", V{"المغرب", "واسراءيل"}},
      {"قال،ثم؛ماذا؟نعم", V{"قال", "ثم", "ماذا", "نعم"}},
      {"«الأمن» (الوطني)", V{"الامن", "الوطني"}},
      {"Hello, World!", V{"hello", "world"}},
      {"O'Neil e.g.", V{"o'neil", "e.g"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(norms(c.text) == c.expected);
  }
}

TEST_CASE("ZWNJ is a word boundary; ZWJ and tatweel are not") {
  CHECK(norms("می\u200Cخواهم") == std::vector<std::string>{"مي", "خواهم"});
  CHECK(norms("الـــقوات") == std::vector<std::string>{"القوات"});
  CHECK(norms("ab\u200Dcd") == std::vector<std::string>{"abcd"});
}

TEST_CASE("numbers with Arabic separators stay one token") {
  CHECK(norms("٣٫٥ مليون") == std::vector<std::string>{"3.5", "مليون"});
  CHECK(norms("١٬٠٠٠ جندي") == std::vector<std::string>{"1,000", "جندي"});
  CHECK(norms("2019-2021") == std::vector<std::string>{"2019", "2021"});
  CHECK(norms("3.5") == std::vector<std::string>{"3.5"});
}

TEST_CASE("spans cover whole original words, marks and presentation forms included") {
  CHECK(originals("الْإِرْهَابُ هنا") == std::vector<std::string>{"الْإِرْهَابُ", "هنا"});
  CHECK(originals("ﺍﻟﻤﻐﺮﺏ ﻭﺇﺳﺮﺍﺋﻴﻞ") == std::vector<std::string>{"ﺍﻟﻤﻐﺮﺏ", "ﻭﺇﺳﺮﺍﺋﻴﻞ"});
  CHECK(originals("الـــقوات") == std::vector<std::string>{"الـــقوات"});
}

TEST_CASE("positions count tokens from zero") {
  const auto t = tokens("واحد، اثنان ثلاثة");
  REQUIRE(t.size() == 3);
  CHECK(t[0].pos == 0);
  CHECK(t[2].pos == 2);
}

TEST_CASE("junk input: invariants hold and nothing crashes") {
  check_invariants("\xff\xfe\x80 abc \xc3\x28 \xe2\x82 المغرب \xf0\x9f");
  check_invariants("\u0654\u0654\u064E lone marks \u0670");
  check_invariants("\u202Bعربي\u202C \u2067text\u2069 \u200F\u061C");
  check_invariants(std::string(1 << 20, '\0'));
  std::string tatweel;
  for (int i = 0; i < (1 << 20) / 2; ++i) tatweel += "\u0640";
  check_invariants(tatweel);
  CHECK(tokens(tatweel).empty());
  std::string long_word;
  for (int i = 0; i < 100000; ++i) long_word += "ب";
  check_invariants(long_word);
  CHECK(tokens(long_word).empty());  // longer than any real word: dropped

  std::mt19937 rng(42);
  const char* pieces[] = {"ا", "\u0654", "\u064B", " ", "\xff", "\u200C", "\u0640", "a", "1", ",", "٫", "\u202E",
                          "ﻻ", "'", ".", "\xe0\xa4", "ی", "\xF0\x9F\x98\x80", "\u0301", "_"};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) s += pieces[rng() % std::size(pieces)];
    CAPTURE(s);
    check_invariants(s);
  }
}
