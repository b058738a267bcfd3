// Normaliser: one test per rule of ARABIC.md §1, on composed and decomposed input, and the
// offset map back to the original text.
#include <doctest/doctest.h>

#include <string>

#include "analyzers/normalizer.h"

namespace {

std::string norm(std::string_view s) {
  static const rasd::Normalizer n;
  return n.normalize_text(s);
}

struct Row {
  const char* rule;
  const char* input;
  const char* expected;
};

void check_rows(const Row* begin, const Row* end) {
  for (const Row* r = begin; r != end; ++r) {
    CAPTURE(r->rule);
    CAPTURE(r->input);
    CHECK(norm(r->input) == r->expected);
  }
}

}  // namespace

TEST_CASE("rule 1: NFKC folds presentation forms and ligatures, recomposes decomposed hamza") {
  const Row rows[] = {
      {"presentation forms B", "ﺍﻟﻤﻐﺮﺏ", "المغرب"},
      {"presentation forms A", "ﭖ", "پ"},
      {"lam-alef ligature", "ﻻ", "لا"},
      {"lam-alef-hamza ligature", "ﻷ", "لا"},
      {"decomposed alef+hamza above -> alef", "ا\u0654", "ا"},
      {"decomposed waw+hamza above -> hamza", "و\u0654", "ء"},
      {"decomposed yeh+hamza above -> hamza", "ي\u0654", "ء"},
      {"decomposed alef+madda -> alef", "ا\u0653", "ا"},
      {"decomposed alef+hamza below -> alef", "ا\u0655", "ا"},
      {"fullwidth Latin", "ＡＢＣ", "abc"},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("rule 2: tatweel, harakat, superscript alef, Quranic marks and controls are deleted") {
  const Row rows[] = {
      {"tatweel", "الـــقوات", "القوات"},
      {"fatha damma kasra sukun shadda", "الْإِرْهَابُ", "الارهاب"},
      {"tanween", "شكراً", "شكرا"},
      {"shadda + fatha", "محمّد", "محمد"},
      {"combining hamza alone (U+0654 after a non-composing letter)", "ب\u0654", "ب"},
      {"superscript alef", "الرحمٰن", "الرحمن"},
      {"Quranic marks", "الله\u06D6\u06DA", "الله"},
      {"zero width space", "ab\u200Bcd", "abcd"},
      {"zero width joiner", "ab\u200Dcd", "abcd"},
      {"LRM and RLM", "\u200Eab\u200F", "ab"},
      {"Arabic letter mark", "\u061Cعربي", "عربي"},
      {"bidi embeddings", "\u202Bعربي\u202C\u202D\u202E\u202A", "عربي"},
      {"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
      {"byte order mark", "\uFEFFنص", "نص"},
      {"ZWNJ becomes a word boundary", "می\u200Cخواهم", "مي خواهم"},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("rule 3: letter folds, composed and decomposed") {
  const Row rows[] = {
      {"alef hamza above", "أمن", "امن"},
      {"alef hamza above, decomposed", "ا\u0654من", "امن"},
      {"alef hamza below", "إرهاب", "ارهاب"},
      {"alef hamza below, decomposed", "ا\u0655رهاب", "ارهاب"},
      {"alef madda", "آذار", "اذار"},
      {"alef madda, decomposed", "ا\u0653ذار", "اذار"},
      {"alef wasla", "ٱلله", "الله"},
      {"alef wavy hamza above/below", "ٲٳ", "اا"},
      {"waw hamza", "مسؤول", "مسءول"},
      {"waw hamza, decomposed", "مسو\u0654ول", "مسءول"},
      {"yeh hamza", "مسئول", "مسءول"},
      {"yeh hamza, decomposed", "مسي\u0654ول", "مسءول"},
      {"shuun both seats", "شؤون شئون", "شءون شءون"},
      {"alef maksura", "مصطفى", "مصطفي"},
      {"Farsi yeh", "ایران", "ايران"},
      {"yeh with tail, yeh barree", "ېے", "يي"},
      {"keheh and swash kaf", "کڪ", "كك"},
      {"teh marbuta", "مدينة", "مدينه"},
      {"heh with yeh above", "ۀ", "ه"},
      {"heh with yeh above, decomposed", "ە\u0654", "ه"},
      {"heh goal and ae", "ہە", "هه"},
      {"Arabic-Indic digits", "٢٠٢٤", "2024"},
      {"extended Arabic-Indic digits", "۱۹۹۰", "1990"},
      {"Arabic decimal and thousands separators", "٣٫٥ ١٬٠٠٠", "3.5 1,000"},
      {"Latin to lower case", "Hezbollah UN", "hezbollah un"},
      {"Latin with accents, decomposed", "Ce\u0301line", "céline"},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("invalid UTF-8 reads as U+FFFD; empty input stays empty") {
  CHECK(norm("") == "");
  CHECK(norm("a\xff" "b") == "a\uFFFD" "b");
  CHECK(norm("\xe2\x82") == "\uFFFD\uFFFD");
}

TEST_CASE("offsets map every normalised byte back to the original") {
  static const rasd::Normalizer n;
  const std::string original = "الْإِرْهَابُ ﻻ";
  const rasd::NormalizedText nt = n.normalize(original);
  CHECK(nt.text == "الارهاب لا");
  REQUIRE(nt.offsets.size() == nt.text.size() + 1);
  CHECK(nt.offsets.back() == original.size());
  for (std::size_t i = 1; i < nt.offsets.size(); ++i) CHECK(nt.offsets[i] >= nt.offsets[i - 1]);
  // The space after the vowelled word sits after its last mark in the original.
  const auto space = nt.text.find(' ');
  CHECK(original.substr(0, nt.offsets[space]) == "الْإِرْهَابُ");
  // Both bytes of ل and ا from the ligature map to the ligature's start.
  CHECK(nt.offsets[space + 1] == original.size() - 3);
  CHECK(nt.offsets[nt.text.size() - 1] == original.size() - 3);
}
