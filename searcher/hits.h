// Turning matched documents into hits: stored fields, entities, near-duplicate copies, snippet.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/search.h"
#include "searcher/search_plan.h"

namespace rasd {

class Analyzer;
class ClusterIndex;
class HitCache;
class TermStats;

/// What building a hit needs besides the match.
struct HitContext {
  const Xapian::Database& db;
  const Analyzer& analyzer;
  const TermStats* stats;
  const SearchPlan& plan;
  bool snippets = true;
  bool collapsed = true;
  bool ids_only = false;
  HitCache* cache = nullptr;  // the Searcher's; null: parse every hit afresh
  std::string match_key;      // match_key(plan.match), when snippets are built
  ClusterIndex* clusters = nullptr;  // the Searcher's; null: copies found by the cluster term
  bool shards = false;               // a cluster of shards: no collapse counts, docids differ
};

/// The hit for one match; `rank` is 1-based over the whole result list.
Hit make_hit(const Xapian::MSetIterator& item, std::uint32_t rank, const HitContext& ctx);

/// Asks for the documents of `mset` that `cache` lacks at once: on shards one pipelined exchange
/// instead of a round trip each (only for an MSet that starts at the first match).
void prefetch_unread(const Xapian::MSet& mset, const HitCache& cache);

/// On shards, where make_hit() lists no copies: the copies of every hit of a page in one match
/// (keys[i]: the collapse key and docid of hits[i]), as make_hit() lists them on one index.
void attach_copies(std::vector<Hit>& hits, const std::vector<std::pair<std::string, Xapian::docid>>& keys,
                   const HitContext& ctx);

}  // namespace rasd
