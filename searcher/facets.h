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
  std::uint64_t sequence = 0;       // ingest sequence: a cluster counts by its earliest match
  bool loaded = false;
};

/// The facet data of documents, read once per document and kept across searches (one per
/// Searcher; cleared when the database changes).
class FacetCache {
 public:
  FacetCache() { names_.emplace_back(); }  // id 0: "none"
  const DocFacets& get(const Xapian::Document& doc);
  /// A document get() has read.
  const DocFacets& loaded(Xapian::docid did) const { return docs_[did]; }
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

/// Facet counts of one match, however they were gathered.
class FacetCounts {
 public:
  virtual ~FacetCounts() = default;
  /// (id, count) of one type letter, most frequent first (ties by id), at most `limit`.
  virtual std::vector<std::pair<std::string, std::uint64_t>> top(char letter, std::size_t limit) const = 0;
  /// ("YYYY-MM", count), ascending.
  virtual std::vector<std::pair<std::string, std::uint64_t>> histogram() const = 0;
  /// Documents counted (a cluster once, with collapse).
  virtual std::uint64_t documents() const = 0;
};

/// Counts facet keys whose type letter is in `letters`, and (optionally) months, on one local
/// index. With `collapse`, a near-duplicate cluster counts once, by its matching member of the
/// lowest ingest sequence (the matcher shows spies every copy, in docid order, which shards
/// would change), so counts agree with the collapsed hit list. Call finish() after the match.
class FacetSpy : public Xapian::MatchSpy, public FacetCounts {
 public:
  FacetSpy(FacetCache& cache, std::string letters, bool months, bool collapse)
      : cache_(cache), letters_(std::move(letters)), months_(months), collapse_(collapse) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  /// Counts the clusters' members chosen while matching.
  void finish();

  std::vector<std::pair<std::string, std::uint64_t>> top(char letter, std::size_t limit) const override;
  std::vector<std::pair<std::string, std::uint64_t>> histogram() const override;
  std::uint64_t documents() const override { return documents_; }

 private:
  void count(const DocFacets& f);

  FacetCache& cache_;
  std::string letters_;
  bool months_;
  bool collapse_;
  std::uint64_t documents_ = 0;
  std::vector<Xapian::docid> chosen_;  // by cluster id: the member that counts so far (0: none)
  std::vector<std::uint32_t> counts_;   // by interned id
  std::vector<std::uint32_t> touched_;  // ids counted at least once, so reports skip the rest
};

/// Facet counts from Xapian's stock ValueCountMatchSpy on schema::kFacetRecord, which works on
/// remote shards (FacetSpy does not: xapian-tcpsrv knows no custom spy). Each distinct record
/// is a document; with `collapse`, a cluster counts once, by its record of the lowest sequence,
/// as FacetSpy counts it.
class RecordCounts : public FacetCounts {
 public:
  RecordCounts(const Xapian::ValueCountMatchSpy& spy, bool collapse);
  std::vector<std::pair<std::string, std::uint64_t>> top(char letter, std::size_t limit) const override;
  std::vector<std::pair<std::string, std::uint64_t>> histogram() const override;
  std::uint64_t documents() const override { return documents_; }

 private:
  void count(std::string_view month, std::string_view keys, std::uint64_t times);
  std::unordered_map<std::string, std::uint64_t> counts_;  // "<letter><id>" keys and "#YYYY-MM" months
  std::uint64_t documents_ = 0;
};

}  // namespace rasd
