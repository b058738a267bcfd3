// Splits normalised text into words at Unicode (UAX #29) word boundaries, using ICU's
// Word_Break property data; ZWNJ and Arabic punctuation separate, numbers with ٫ ٬ stay whole.
// Every token carries its position and its byte span in the ORIGINAL text.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/normalizer.h"
#include "analyzers/token.h"

namespace rasd {

class Tokenizer {
 public:
  /// Tokens longer than this (normalised bytes) are dropped: no real word is, and index
  /// terms have a length limit.
  static constexpr std::size_t kMaxTokenBytes = 120;

  Tokenizer();
  /// Tokens of `normalized`, with spans mapped back to the original text it came from.
  std::vector<Token> tokenize(const NormalizedText& normalized) const;

  // Word-break classes, a subset of UAX #29 that covers the rules rasd applies.
  enum Class : std::uint8_t {
    kOther,        // separates
    kLetter,       // ALetter, Hebrew_Letter, Katakana: joins letters and digits
    kNumeric,      // digits
    kMidLetter,    // joins two letters (apostrophe, middle dot, colon in Latin words)
    kMidNum,       // joins two digits (comma, ٫ ٬)
    kMidNumLet,    // joins letters or digits (full stop, right single quote)
    kExtendNumLet, // underscore-like connectors: join anything word-like
    kExtend,       // combining marks, format characters: attach to what precedes
    kIdeograph,    // Han, kana, Thai, Lao, Khmer, Myanmar: one token per code point
  };
  Class classify(char32_t c) const;

 private:
  std::array<std::uint8_t, 0x10000> classes_{};
};

}  // namespace rasd
