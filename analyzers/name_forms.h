// Surface forms of a word that names may take in running text: the proclitic chain on a
// name's first word (والمغرب, بالمغرب, للمغرب, وبإسرائيل) and the gaps allowed inside a name.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace rasd {

// UTF-8 spellings of the proclitic letters (normalised text).
inline constexpr std::string_view kWawUtf8 = "\u0648";   // و: and
inline constexpr std::string_view kFehUtf8 = "\u0641";   // ف: so
inline constexpr std::string_view kBehUtf8 = "\u0628";   // ب: in, by
inline constexpr std::string_view kLamUtf8 = "\u0644";   // ل: for
inline constexpr std::string_view kKafUtf8 = "\u0643";   // ك: as
inline constexpr std::string_view kAlUtf8 = "\u0627\u0644";       // ال: the
inline constexpr std::string_view kLamLamUtf8 = "\u0644\u0644";   // لل: ل + ال with its alef dropped

/// True when `word` begins with `prefix`. Always inlined: called per word in the extractors'
/// hot loops, where an out-of-line call costs more than the test. Written with memcmp, which
/// the compiler turns into one compare for the constant two-byte prefixes (string_view's ==
/// goes through compare(), which it stops inlining once the calling loop grows).
[[gnu::always_inline]] inline bool starts_with(std::string_view word, std::string_view prefix) {
  return word.size() >= prefix.size() && std::memcmp(word.data(), prefix.data(), prefix.size()) == 0;
}

/// The forms of one normalised word with its proclitics taken off, least stripped first:
/// the word itself, without و/ف, then without ب/ل/ك (لل -> ال). A name stored as المغرب is
/// found from والمغرب, بالمغرب, للمغرب; each remainder keeps at least two letters.
class ProcliticForms {
 public:
  explicit ProcliticForms(std::string_view word);
  ProcliticForms(const ProcliticForms&) = delete;  // the forms may point into buffer_
  ProcliticForms& operator=(const ProcliticForms&) = delete;
  std::size_t size() const { return count_; }
  std::string_view operator[](std::size_t i) const { return forms_[i]; }
  /// Bytes of proclitics in front of form i (0 for the word itself).
  std::size_t stripped(std::size_t i) const { return stripped_[i]; }

 private:
  void add(std::string_view form, std::size_t stripped);
  void add_preposition_forms(std::string_view base, std::size_t stripped);
  std::array<std::string_view, 6> forms_;  // only [0, count_) is ever read
  std::array<std::size_t, 6> stripped_;    // left uninitialised beyond count_: hot path
  std::size_t count_ = 0;
  std::array<char, 128> buffer_;  // ال + rest, for the لل forms (left uninitialised: hot path)
  std::size_t buffer_used_ = 0;
};

/// A compact bit filter over words: `may_contain` is false for most words that were never
/// added, and always true for those that were. It spares the hash look-ups of the extractors
/// on the ordinary words of a text (throughput: ARABIC.md §4 extraction must stay cheap).
class WordFilter {
 public:
  /// A filter of 2^log2_bits bits (the default, 2^18 = 32 KiB, stays in cache).
  explicit WordFilter(unsigned log2_bits = 18)
      : mask_((std::uint64_t{1} << (log2_bits - 6)) - 1), bits_(std::size_t{1} << (log2_bits - 6), 0) {}
  void add(std::string_view word);
  /// Adds the word, and for a word with the article (المغرب) the form لمغرب that a لل spelling
  /// (للمغرب) leaves once its first ل is off: may_contain_forms_of() then needs no rebuilding.
  void add_with_lam_forms(std::string_view word);
  bool may_contain(std::string_view word) const { return may_contain_hash(mix(word)); }
  /// The same for a word whose mix() the caller already has (it probes tables with it too).
  bool may_contain_hash(std::uint64_t h) const { return (bits_[(h >> 6) & mask_] >> (h & 63)) & 1; }
  /// True when some proclitic form of `word` (as ProcliticForms lists them) may be in the
  /// filter, provided the words went in through add_with_lam_forms(); computed in place on
  /// suffixes of the word, as this runs on every word of every text.
  bool may_contain_forms_of(std::string_view word) const;
  /// The word hash the filter uses (for small per-document filters): the length and the
  /// first and last eight bytes, loaded with fixed-size copies so that it compiles to a few
  /// instructions. A shorter word (في, على: most of the frequent ones) is its bytes in little-
  /// endian order, gathered with two overlapping loads instead of a loop of one per byte.
  static std::uint64_t mix(std::string_view word) {
    std::uint64_t head = 0, tail = 0;
    const std::size_t n = word.size();
    const char* p = word.data();
    if (n >= 8) {
      std::memcpy(&head, p, 8);
      std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {  // bytes 0-3 and n-4..n-1: the overlap ORs equal bytes in place
      std::uint32_t lo = 0, hi = 0;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      head = lo | (std::uint64_t{hi} << (8 * (n - 4)));
    } else if (n > 0) {  // bytes 0, n/2 and n-1 cover one to three bytes
      head = std::uint64_t{static_cast<unsigned char>(p[0])} |
             std::uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
             std::uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
    }
    const std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ n) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 29);
  }

 private:
  std::uint64_t mask_;
  std::vector<std::uint64_t> bits_;
};

/// A WordFilter that sets two bits of one 64-bit word for each word: at the same size and
/// with the same single memory access, far fewer false positives (the extractor's first-word
/// gate holds some 15,000 words; each false positive takes the full look-up path).
class NameFilter {
 public:
  explicit NameFilter(unsigned log2_bits = 18)
      : mask_((std::uint64_t{1} << (log2_bits - 6)) - 1), bits_(std::size_t{1} << (log2_bits - 6), 0) {}
  void add(std::string_view word);
  /// As WordFilter::add_with_lam_forms (the ل + rest form of a word with the article).
  void add_with_lam_forms(std::string_view word);
  bool may_contain(std::string_view word) const { return may_contain_hash(WordFilter::mix(word)); }
  /// For a word whose WordFilter::mix() is `h`.
  bool may_contain_hash(std::uint64_t h) const {
    const std::uint64_t want = (std::uint64_t{1} << (h & 63)) | (std::uint64_t{1} << (h >> 58));
    return (bits_[(h >> 6) & mask_] & want) == want;
  }
  /// As WordFilter::may_contain_forms_of.
  bool may_contain_forms_of(std::string_view word) const;

 private:
  std::uint64_t mask_;
  std::vector<std::uint64_t> bits_;
};

namespace detail {

/// The forms ProcliticForms lists are suffixes of the word, except ال + rest for لل words;
/// add_with_lam_forms() put ل + rest in the filter for those, so plain suffixes suffice here.
/// Inline: it runs on every word of every text, in two extractors.
template <class Filter>
[[gnu::always_inline]] inline bool forms_may_be_in(const Filter& filter, std::string_view word) {
  if (filter.may_contain(word)) return true;
  std::string_view rest = word;
  if ((starts_with(rest, kWawUtf8) || starts_with(rest, kFehUtf8)) && rest.size() >= 6) {
    rest.remove_prefix(2);
    if (filter.may_contain(rest)) return true;
  }
  if ((starts_with(rest, kBehUtf8) || starts_with(rest, kLamUtf8) || starts_with(rest, kKafUtf8)) && rest.size() >= 6)
    return filter.may_contain(rest.substr(2));
  return false;
}

}  // namespace detail

inline bool WordFilter::may_contain_forms_of(std::string_view word) const { return detail::forms_may_be_in(*this, word); }
inline bool NameFilter::may_contain_forms_of(std::string_view word) const { return detail::forms_may_be_in(*this, word); }

/// True when the original text between two words of a name holds only spaces or a hyphen:
/// a name never spans punctuation or a line break.
bool name_gap(std::string_view gap);


}  // namespace rasd
