// A faithful re-statement of Lucene's Arabic analysis (what Elasticsearch calls `arabic`):
// ArabicNormalizer + DecimalDigitFilter + ArabicStemmer (the light10 rules), for comparison
// with rasd's light stemmer in bench/conflation_bench. Lower-cases ASCII like LowerCaseFilter.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "analyzers/utf8.h"

namespace rasd::bench::light10 {

// ArabicNormalizer: folds hamza-alef forms, alef maksura and teh marbuta; deletes tatweel and
// the eight harakat it knows (not superscript alef, not combining hamza, no NFKC).
inline std::u32string normalize(std::u32string s) {
  std::u32string out;
  for (char32_t c : s) {
    switch (c) {
      case U'\u0622': case U'\u0623': case U'\u0625': out.push_back(U'\u0627'); break;  // آ أ إ -> ا
      case U'\u0649': out.push_back(U'\u064A'); break;                                 // ى -> ي
      case U'\u0629': out.push_back(U'\u0647'); break;                                 // ة -> ه
      case U'\u0640': case U'\u064B': case U'\u064C': case U'\u064D': case U'\u064E':
      case U'\u064F': case U'\u0650': case U'\u0651': case U'\u0652': break;           // tatweel, harakat
      default:
        if (c >= U'\u0660' && c <= U'\u0669') c = U'0' + (c - U'\u0660');  // DecimalDigitFilter
        else if (c >= U'\u06F0' && c <= U'\u06F9') c = U'0' + (c - U'\u06F0');
        else if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        out.push_back(c);
    }
  }
  return out;
}

inline constexpr std::array<std::u32string_view, 7> kPrefixes = {U"ال", U"وال", U"بال", U"كال", U"فال", U"لل", U"و"};
inline constexpr std::array<std::u32string_view, 10> kSuffixes = {U"ها", U"ان", U"ات", U"ون", U"ين",
                                                                  U"يه", U"ية", U"ه", U"ة", U"ي"};

// ArabicStemmer.stemPrefix: the first matching prefix only; a one-letter prefix needs a word of
// 4+ letters, any prefix must leave 2+ letters.
inline void stem_prefix(std::u32string& s) {
  for (std::u32string_view p : kPrefixes) {
    if (p.size() == 1 && s.size() < 4) continue;
    if (s.size() < p.size() + 2) continue;
    if (std::u32string_view(s).starts_with(p)) {
      s.erase(0, p.size());
      return;
    }
  }
}

// ArabicStemmer.stemSuffix: every suffix in turn, each must leave 2+ letters.
inline void stem_suffix(std::u32string& s) {
  for (std::u32string_view x : kSuffixes) {
    if (s.size() < x.size() + 2) continue;
    if (std::u32string_view(s).ends_with(x)) s.erase(s.size() - x.size());
  }
}

/// The light10 stem of one word (normalised by light10's own rules first).
inline std::string stem(std::string_view word) {
  std::u32string s;
  for (std::size_t i = 0; i < word.size();) s.push_back(utf8::next(word, i));
  s = normalize(std::move(s));
  stem_prefix(s);
  stem_suffix(s);
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

}  // namespace rasd::bench::light10
