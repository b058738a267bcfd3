// A read-only view of one index that answers searches. Not thread-safe: the server keeps one
// Searcher per worker thread; each sees commits from other processes after reopen().
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "index/copies.h"
#include "index/index_folder.h"
#include "searcher/search.h"

namespace Xapian {
class Query;
}

namespace rasd {

class IndexReader;
class Analyzer;
class EntityCatalog;
class FacetCache;
class FacetCounts;
class ClusterIndex;
class HitCache;
class SequenceIndex;
struct SearchPlan;

class Searcher {
 public:
  explicit Searcher(const std::string& db_dir, QueryLimits limits = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Runs one search. Throws InvalidInput (bad query, naming the position) or LimitExceeded.
  SearchResult search(const SearchRequest& request);

  /// The stored document (the JSON of indexer/report.h) for `id`; throws NotFound.
  nlohmann::json document(const std::string& id);

  /// Entities of one type ("country", "org", "person", "place", "source") whose Arabic or
  /// English label or id starts with `prefix`, with document counts, most frequent first.
  /// The other documents of the copy cluster of `id` (index/copies.h), earliest ingest first.
  std::vector<StoredCopy> copies(const std::string& id);

  std::vector<FacetValue> entities(const std::string& type, const std::string& prefix, std::size_t limit);

  /// The highest ingest sequence in the index (0 when empty): where a new alert starts.
  std::uint64_t last_sequence();

  std::uint64_t document_count();

  /// A cluster's shards left out of the last answer (index/cluster.h); empty for a folder.
  std::vector<std::string> failed_shards() const;

  /// Picks up what other processes committed since the last call, and a folder exchanged in
  /// place of the index (reindex, restore); true when it changed.
  bool reopen();

  const Analyzer& analyzer() const;
  const QueryLimits& limits() const { return limits_; }

 private:
  void open_folder();  // (re)opens the index and what is built from it
  void clear_caches();
  SearchResult run(const SearchRequest& request);
  SearchResult run_plan(const SearchRequest& request, const SearchPlan& plan);
  void count_facets(const SearchRequest& request, const SearchPlan& plan, SearchResult& result);
  std::unique_ptr<FacetCounts> count_matches(const Xapian::Query& query, const std::string& letters, bool months,
                                             bool collapse);
  SearchResult search_shards(const SearchRequest& request);
  void shards_changed();

  QueryLimits limits_;
  std::string dir_;
  bool remote_ = false;  // a cluster of shards
  FolderIdentity folder_;  // the folder index_ was opened from
  std::chrono::steady_clock::time_point deadline_{};  // of the search running (max_search_ms)
  std::unique_ptr<IndexReader> index_;
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<EntityCatalog> catalog_;
  std::unique_ptr<FacetCache> facet_cache_;
  std::unique_ptr<HitCache> hit_cache_;
  std::unique_ptr<SequenceIndex> sequences_;
  std::unique_ptr<ClusterIndex> clusters_;
};

}  // namespace rasd
