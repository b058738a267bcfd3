// What copy detection keeps of a report: its body's words without the title and without the
// outlet's wrappers (wrappers.h), as word 3-shingles (each once for containment, in text order
// for alignment), the numbers, dates and entities those words hold, a hash of the words for
// exact copies, the publication day, and the anchor terms through which candidates are found.
// Built from the analysis while indexing, and again from the stored text when an index document
// is a candidate: both give the same signature, so that any order of ingest decides alike.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzers/token.h"
#include "indexer/wrappers.h"

namespace rasd::stem {
class LexiconStats;
}

namespace rasd {

class Analyzer;

/// What a salient value is: a copy may drop or add one, but two texts that hold different ones
/// of the same kind in the same place tell different events.
enum class SalientKind : std::uint8_t { Number, Date, Person, Place, Organization, Rare };

/// A number, date or entity at a word position of the compared text; or a rare word (one the
/// built-in news lexicon has not seen in 3 documents: in Saudi news mostly a person's or a
/// place's name the gazetteer lacks), by its consonants so that spellings of one name agree
/// (جيزان = جازان, يحي = يحيى); a word beside بن, and عبد or أبو with the word after it
/// (عبد الرحمن = عبدالرحمن), count as rare words of a name.
struct Salient {
  std::uint32_t value = 0;  // a number's value (mod 2^32), else a hash of the canonical value
  std::uint16_t pos = 0;    // index among the compared words
  SalientKind kind = SalientKind::Number;
  std::uint8_t digits = 0;  // a number's digits (to compare "7.30" with "7 30")
  bool in_date = false;     // a number inside a date (27 رمضان 1436 هـ and 14 يوليو are one day)
};

/// A mention to make salient: a byte span of the body, its kind and canonical value.
struct SpanValue {
  std::uint32_t start = 0, end = 0;
  SalientKind kind = SalientKind::Place;
  std::string value;
  /// A person's name words, each a value of its own (in place of `value`): a copy that adds or
  /// drops a middle name or a family name agrees on the others; two different people share
  /// none of their own.
  std::vector<std::string> words;
};

inline constexpr std::int32_t kUnknownDay = INT32_MIN;

struct CopySignature {
  std::uint32_t words = 0;          // words compared (wrappers stripped)
  std::uint64_t text_hash = 0;      // of the compared words; 0: too few words to compare
  std::int32_t day = kUnknownDay;   // publication day (days since 1970-01-01)
  std::uint8_t level = 0;           // shingles kept: those whose hash is 0 modulo 2^level
  std::vector<std::uint32_t> shingles;   // in text order; bit 0 set = a common shingle
  std::vector<std::uint16_t> positions;  // word position of each shingle
  std::vector<std::uint64_t> by_hash;    // shingle << 16 | position, ascending (see sort_shingles)
  std::vector<Salient> salient;          // in text order
  std::vector<std::uint32_t> anchors;    // candidate terms, sorted, unique

  /// Empty and caption-only bodies are never compared (nor clustered).
  bool comparable() const { return text_hash != 0; }
  /// Fills by_hash from shingles and positions: a signature is compared with many candidates,
  /// and each comparison looks its shingles up by hash.
  void sort_shingles();
};

/// Word 3-shingles that recur on many days across sources (learned by bench/copy_learn from the
/// corpora): template wording (cables, notices, bulletins) weighs little in a comparison.
class CommonShingles {
 public:
  CommonShingles() = default;
  /// The learned tables (indexer/data/common_shingles.txt and common_words.txt).
  static CommonShingles built_in();
  /// One shingle per line, three normalised words separated by spaces; '#' comments.
  static CommonShingles parse(std::string_view text);
  void add(std::uint32_t shingle) { set_.insert(shingle & ~1u); }
  bool contains(std::uint32_t shingle) const { return set_.count(shingle & ~1u) > 0; }
  /// Words of many articles, one per line ('#' comments): never rare.
  void add_words(std::string_view text);
  /// Whether `norm` is a word of a common shingle or of many articles (never a rare word).
  bool has_word(std::string_view norm) const { return words_.count(std::string(norm)) > 0; }
  std::size_t size() const { return set_.size(); }

 private:
  std::unordered_set<std::uint32_t> set_;
  std::unordered_set<std::string> words_;
};

/// The shingle hash of three normalised words (bit 0 clear).
std::uint32_t shingle_hash(std::string_view a, std::string_view b, std::string_view c);

/// What a signature is made from.
struct CopySource {
  std::string_view source;                 // the report's source (any case)
  std::optional<std::string> published;    // "YYYY-MM-DD..." when known
  std::string_view text;                   // the cleaned body (no title)
  const std::vector<Token>* tokens = nullptr;  // the body's tokens
  std::vector<SpanValue> mentions;         // entities and dates of the body
};

/// Builds signatures; const and thread-safe.
class CopySigner {
 public:
  /// Fewer words than this after wrappers are stripped: a caption or an empty body.
  static constexpr std::uint32_t kMinWords = 8;

  /// The built-in wrapper rules and common shingles.
  explicit CopySigner(const Analyzer& analyzer);
  CopySigner(WrapperRules wrappers, CommonShingles common);
  ~CopySigner();
  CopySigner(CopySigner&&) noexcept;

  CopySignature sign(const CopySource& in) const;

  const WrapperRules& wrappers() const { return wrappers_; }

 private:
  WrapperRules wrappers_;
  CommonShingles common_;
  std::unique_ptr<stem::LexiconStats> lexicon_;  // the stemmer's built-in document frequencies
  const Analyzer* analyzer_ = nullptr;  // stems rare forms (مركزها is مركز); none in tests
};

/// Whether `norm` is a rare word in the sense of Salient (letters only, 3 or more of them, in
/// no common shingle).
bool is_rare_word(std::string_view norm, const stem::LexiconStats& lexicon, const CommonShingles& common);

/// The consonants of a rare word without a leading و or ال.
std::string consonants(std::string_view norm);

/// The digits of a number token without separators ("1,596" -> "1596", "2015م" -> "2015",
/// "19.6" -> "196", KUNA's "6ر19" -> "196"), or "" when `norm` holds no digit.
std::string number_value(std::string_view norm);

/// The entities and dates of a body's analysis as salient values (see mention_value).
std::vector<SpanValue> mentions_of(std::string_view text, const Analysis& body);

/// The salient form of an entity or date mention, or nothing for one that says little about
/// which event a text tells: a nisba adjective (السعودي), a date without digits (اليوم, أمس:
/// outlets that print a report on different days resolve them to different days). A person
/// unknown to the gazetteer is named by first and last word (وليد الصمعاني = وليد بن محمد الصمعاني).
std::optional<SpanValue> mention_value(std::string_view type, std::string_view id, std::string_view text,
                                       bool adjective, std::uint32_t start, std::uint32_t end);

/// Days since 1970-01-01 of "YYYY-MM-DD..." or kUnknownDay.
std::int32_t day_number(std::string_view iso);

}  // namespace rasd
