// A search request resolved against one index: the scored query, the filters kept apart per
// facet (so each facet can be counted with its own filter removed), and what to highlight.
#pragma once

#include <chrono>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/build_context.h"
#include "searcher/match_terms.h"
#include "searcher/search.h"

namespace rasd {

class Analyzer;
class EntityCatalog;
class IndexReader;
class SequenceIndex;

/// The parts of one search, ready to combine.
struct SearchPlan {
  Xapian::Query text;                // scored part; MatchAll when the request only filters
  bool has_text = false;
  bool relaxable = false;            // words were ANDed and WordMode::Any would relax them
  MatchTerms match;                  // for snippets
  std::vector<std::pair<char, Xapian::Query>> facet_filters;  // request filters by type letter
  std::vector<Xapian::Query> filters;                          // dates, sequence
  std::vector<Xapian::Query> excluded;                         // the --like document itself

  /// Everything ANDed.
  Xapian::Query full() const { return combined(0); }
  /// Everything but the request filter on facet `letter` (disjunctive facet counts).
  Xapian::Query without(char letter) const { return combined(letter); }
  bool filters_facet(char letter) const;

 private:
  Xapian::Query combined(char skip) const;
};

/// What planning needs.
struct PlanContext {
  IndexReader& index;
  const Analyzer& analyzer;
  EntityCatalog& entities;
  const QueryLimits& limits;
  SequenceIndex* sequences = nullptr;  // when set, after_sequence walks the new docids only
  std::chrono::steady_clock::time_point deadline{};  // of the search (limits.max_search_ms)
};

/// Resolves `request` (query text, filters, --like, after_sequence) with `mode` for plain words.
SearchPlan make_plan(const SearchRequest& request, WordMode mode, PlanContext& ctx);

}  // namespace rasd
