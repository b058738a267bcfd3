// Word stemmers behind one interface, so the analyzer can use rasd's light stemmer, Snowball
// (provided by the indexer's Xapian adapter) or none, as chosen when an index is created.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/stem/term_stats.h"

namespace rasd {

enum class StemmerKind { Light, Snowball, None };

const char* to_string(StemmerKind kind);             // "light", "snowball", "none"
StemmerKind parse_stemmer_kind(std::string_view name);  // throws InvalidInput on other names

/// A stem and the alternatives indexed beside it at low weight.
struct StemResult {
  std::string stem;
  std::vector<std::string> alts;
};

/// Stems one normalised word. Implementations are pure and thread-safe (const).
class WordStemmer {
 public:
  virtual ~WordStemmer() = default;
  /// `norm` is already normalised (ARABIC.md §1); `stats` may be null.
  virtual StemResult stem(std::string_view norm, const TermStats* stats) const = 0;
  virtual StemmerKind kind() const = 0;
};

/// Returns the word unchanged.
std::unique_ptr<WordStemmer> make_identity_stemmer();

}  // namespace rasd
