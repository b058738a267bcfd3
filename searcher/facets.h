// Facet counting: a match spy that counts the entity/source keys (schema::kFacets) and the
// publication months (schema::kPublished) of every document the match visits, through a cache
// of each document's keys kept by the Searcher, so that warm searches read no values at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analyzers/word_set.h"

namespace rasd {

/// What facet counting needs of one document, with keys and months interned as small ids.
struct DocFacets {
  std::vector<std::uint32_t> keys;  // ids of "<letter><id>" keys
  std::uint32_t month = 0;          // id of "YYYY-MM"; 0 when undated
  std::uint32_t cluster = 0;        // id of the cluster key; 0 when none
  bool loaded = false;
};

/// The facet data of documents, read once per document and kept across searches (one per
/// Searcher; cleared when the database changes).
class FacetCache {
 public:
  FacetCache() { names_.emplace_back(); }  // id 0: "none"
  const DocFacets& get(const Xapian::Document& doc);
  const std::string& name(std::uint32_t id) const { return names_[id]; }
  std::size_t names() const { return names_.size(); }
  /// One more than the highest cluster id.
  std::size_t clusters() const { return cluster_ids_.size() + 1; }
  void clear();

 private:
  std::uint32_t intern(std::string_view s);

  std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> cluster_ids_;
  std::vector<DocFacets> docs_;  // by docid
};

/// Counts facet keys whose type letter is in `letters`, and (optionally) months. With
/// `collapse`, a near-duplicate cluster counts once (the matcher shows spies every copy), so
/// counts agree with the collapsed hit list.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(FacetCache& cache, std::string letters, bool months, bool collapse)
      : cache_(cache), letters_(std::move(letters)), months_(months), collapse_(collapse) {}
  void operator()(const Xapian::Document& doc, double weight) override;

  /// (id, count) of one type letter, most frequent first (ties by id), at most `limit`.
  std::vector<std::pair<std::string, std::uint64_t>> top(char letter, std::size_t limit) const;
  /// ("YYYY-MM", count), ascending.
  std::vector<std::pair<std::string, std::uint64_t>> histogram() const;
  std::uint64_t documents() const { return documents_; }

 private:
  FacetCache& cache_;
  std::string letters_;
  bool months_;
  bool collapse_;
  std::uint64_t documents_ = 0;
  std::vector<bool> clusters_;  // by cluster id: already counted (a flag per id, no allocation per match)
  std::vector<std::uint32_t> counts_;   // by interned id
  std::vector<std::uint32_t> touched_;  // ids counted at least once, so reports skip the rest
};

}  // namespace rasd
