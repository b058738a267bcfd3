// ARABIC.md §1: NFKC, deletion of marks and controls, letter folds, digits, lower case.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utypes.h>  // declares the versioned icu namespace

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace rasd {

/// A normalised text with, for every byte of it, the offset of the original byte it came from.
struct NormalizedText {
  std::string text;
  /// offsets[i] is the original offset of text[i]; offsets[text.size()] is the original size.
  std::vector<std::uint32_t> offsets;
};

class Normalizer {
 public:
  Normalizer();
  /// Normalises any bytes (invalid UTF-8 reads as U+FFFD) and keeps the offset map.
  NormalizedText normalize(std::string_view original) const;
  /// The normalised text alone (query words, labels, gazetteer entries).
  std::string normalize_text(std::string_view original) const;

 private:
  // What happens to one BMP code point after NFKC: kept, deleted, or replaced.
  static constexpr char16_t kDelete = 0xFFFF;
  // What the code point needs before the fold: a plain table look-up, or ICU's NFKC.
  enum : std::uint8_t { kPlain = 0, kNeedsNfkc = 1, kBoundary = 2 };

  char32_t fold(char32_t c) const;  // kDelete, or the folded code point
  template <class Sink>
  void run(std::string_view original, Sink& sink) const;

  const icu::Normalizer2* nfkc_;
  std::array<char16_t, 0x10000> fold_{};  // per BMP code point: folded code point or kDelete
  std::array<std::uint8_t, 0x10000> flags_{};
};

}  // namespace rasd
