// Named code points used by the normaliser and the tokenizer (ARABIC.md §1).
#pragma once

namespace rasd::arabic {

// Letters folded by the normaliser.
inline constexpr char32_t kAlef = U'\u0627';
inline constexpr char32_t kAlefMaddaAbove = U'\u0622';
inline constexpr char32_t kAlefHamzaAbove = U'\u0623';
inline constexpr char32_t kAlefHamzaBelow = U'\u0625';
inline constexpr char32_t kAlefWasla = U'\u0671';
inline constexpr char32_t kAlefWavyHamzaAbove = U'\u0672';
inline constexpr char32_t kAlefWavyHamzaBelow = U'\u0673';
inline constexpr char32_t kHamza = U'\u0621';
inline constexpr char32_t kWawHamzaAbove = U'\u0624';
inline constexpr char32_t kYehHamzaAbove = U'\u0626';
inline constexpr char32_t kYeh = U'\u064A';
inline constexpr char32_t kAlefMaksura = U'\u0649';
inline constexpr char32_t kFarsiYeh = U'\u06CC';
inline constexpr char32_t kYehSmallV = U'\u06CE';  // not folded; listed for completeness
inline constexpr char32_t kEYeh = U'\u06D0';
inline constexpr char32_t kYehBarree = U'\u06D2';
inline constexpr char32_t kKaf = U'\u0643';
inline constexpr char32_t kKeheh = U'\u06A9';
inline constexpr char32_t kSwashKaf = U'\u06AA';
inline constexpr char32_t kHeh = U'\u0647';
inline constexpr char32_t kTehMarbuta = U'\u0629';
inline constexpr char32_t kHehYehAbove = U'\u06C0';
inline constexpr char32_t kHehGoal = U'\u06C1';
inline constexpr char32_t kAe = U'\u06D5';

// Deleted marks and controls.
inline constexpr char32_t kTatweel = U'\u0640';
inline constexpr char32_t kFathatan = U'\u064B';      // first of the harakat range
inline constexpr char32_t kLastHaraka = U'\u065F';    // end of U+064B..U+065F
inline constexpr char32_t kSuperscriptAlef = U'\u0670';
inline constexpr char32_t kFirstQuranicMark = U'\u06D6';
inline constexpr char32_t kLastQuranicMark = U'\u06ED';
inline constexpr char32_t kZeroWidthSpace = U'\u200B';
inline constexpr char32_t kZeroWidthNonJoiner = U'\u200C';  // a word boundary, not deleted
inline constexpr char32_t kZeroWidthJoiner = U'\u200D';
inline constexpr char32_t kRightToLeftMark = U'\u200F';
inline constexpr char32_t kArabicLetterMark = U'\u061C';
inline constexpr char32_t kFirstBidiEmbedding = U'\u202A';  // LRE..RLO U+202A..U+202E
inline constexpr char32_t kLastBidiEmbedding = U'\u202E';
inline constexpr char32_t kFirstBidiIsolate = U'\u2066';    // LRI..PDI U+2066..U+2069
inline constexpr char32_t kLastBidiIsolate = U'\u2069';
inline constexpr char32_t kByteOrderMark = U'\uFEFF';

// Digits and number punctuation.
inline constexpr char32_t kArabicIndicZero = U'\u0660';
inline constexpr char32_t kExtendedArabicIndicZero = U'\u06F0';
inline constexpr char32_t kArabicDecimalSeparator = U'\u066B';
inline constexpr char32_t kArabicThousandsSeparator = U'\u066C';

}  // namespace rasd::arabic
