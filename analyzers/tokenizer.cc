#include "analyzers/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "analyzers/utf8.h"

namespace rasd {
namespace {

Tokenizer::Class classify_with_icu(char32_t c) {
  const auto uc = static_cast<UChar32>(c);
  if (c == U'\u200C') return Tokenizer::kOther;  // ZWNJ: a word boundary in rasd
  const auto wb = static_cast<UWordBreakValues>(u_getIntPropertyValue(uc, UCHAR_WORD_BREAK));
  switch (wb) {
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER:
    case U_WB_KATAKANA:
      return Tokenizer::kLetter;
    case U_WB_NUMERIC:
      // ٫ is Numeric in UAX #29 but only ever sits between digits.
      return c == U'\u066B' ? Tokenizer::kMidNum : Tokenizer::kNumeric;
    case U_WB_MIDLETTER:
      return Tokenizer::kMidLetter;
    case U_WB_MIDNUM:
      return Tokenizer::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Tokenizer::kMidNumLet;
    case U_WB_EXTENDNUMLET:
      return Tokenizer::kExtendNumLet;
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ZWJ:
      return Tokenizer::kExtend;
    default:
      break;
  }
  // Scripts without spaces: ICU breaks them with dictionaries; rasd keeps one token per
  // ideograph or syllable letter, which still finds them (as Lucene's StandardTokenizer does).
  if (u_isalpha(uc)) return Tokenizer::kIdeograph;
  return Tokenizer::kOther;
}

}  // namespace

Tokenizer::Tokenizer() {
  for (char32_t c = 0; c < 0x10000; ++c) classes_[c] = classify_with_icu(c);
}

Tokenizer::Class Tokenizer::classify(char32_t c) const {
  return c < 0x10000 ? static_cast<Class>(classes_[c]) : classify_with_icu(c);
}

// A small state machine over UAX #29 rules WB4-WB13b: a token is a run of letters and digits,
// joined across one Mid* character only when word characters of the right kind stand on both
// sides, with Extend characters attached to what precedes them.
std::vector<Token> Tokenizer::tokenize(const NormalizedText& nt) const {
  std::vector<Token> tokens;
  const std::string_view s = nt.text;
  tokens.reserve(s.size() / 8 + 1);  // news text averages ~11 bytes a token: no regrowth moves
  std::uint32_t pos = 0;
  std::size_t i = 0;
  auto word_char = [](Class k) { return k == kLetter || k == kNumeric || k == kExtendNumLet; };
  auto next = [&s](std::size_t& k) { return utf8::next_fast(s, k); };
  auto emit = [&](std::size_t b, std::size_t e) {
    if (e - b > kMaxTokenBytes) return;
    Token& t = tokens.emplace_back();  // built in place: a Token is large to move
    t.norm.assign(s.data() + b, e - b);
    t.start = nt.offsets[b];
    t.end = nt.offsets[e];
    t.pos = pos++;
  };
  while (i < s.size()) {
    std::size_t start = i;
    Class k = classify(next(i));
    if (k == kIdeograph) {
      emit(start, i);
      continue;
    }
    if (!word_char(k)) continue;
    Class last = k;          // class of the last word character in the token
    std::size_t end = i;     // end of the token so far
    bool has_alnum = k != kExtendNumLet;
    while (i < s.size()) {
      std::size_t j = i;
      const Class c = classify(next(j));
      if (c == kExtend) {  // WB4
        i = end = j;
        continue;
      }
      if (word_char(c)) {
        last = c;
        has_alnum = has_alnum || c != kExtendNumLet;
        i = end = j;
        continue;
      }
      const bool mid = c == kMidLetter || c == kMidNum || c == kMidNumLet;
      if (!mid || j >= s.size()) break;
      std::size_t m = j;
      const Class after = classify(next(m));
      const bool letters = last == kLetter && after == kLetter && (c == kMidLetter || c == kMidNumLet);
      const bool digits = last == kNumeric && after == kNumeric && (c == kMidNum || c == kMidNumLet);
      if (!letters && !digits) break;  // WB6/7, WB11/12
      last = after;
      i = end = m;
    }
    if (has_alnum) emit(start, end);
    i = end;
  }
  return tokens;
}

}  // namespace rasd
