// Facet counting: a match spy that counts the entity/source keys (schema::kFacets) and the
// publication months (schema::kPublished) of every document the match visits.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzers/word_set.h"

namespace rasd {

/// Counts facet keys whose type letter is in `letters`, and (optionally) months. With
/// `collapse`, a near-duplicate cluster counts once (the matcher shows spies every copy), so
/// counts agree with the collapsed hit list.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(std::string letters, bool months, bool collapse)
      : letters_(std::move(letters)), months_(months), collapse_(collapse), keys_(letters_.size()) {}
  void operator()(const Xapian::Document& doc, double weight) override;

  /// (id, count) of one type letter, most frequent first (ties by id), at most `limit`.
  std::vector<std::pair<std::string, std::uint64_t>> top(char letter, std::size_t limit) const;
  /// ("YYYY-MM", count), ascending.
  std::vector<std::pair<std::string, std::uint64_t>> histogram() const;
  std::uint64_t documents() const { return documents_; }

 private:
  std::string letters_;
  bool months_;
  bool collapse_;
  std::uint64_t documents_ = 0;
  using Counts = std::unordered_map<std::string, std::uint64_t, StringViewHash, std::equal_to<>>;
  std::unordered_set<std::uint64_t> clusters_;  // hashes of cluster keys seen (no allocation per key)
  std::vector<Counts> keys_;                    // per letter of letters_: id -> count
  Counts month_counts_;
};

}  // namespace rasd
