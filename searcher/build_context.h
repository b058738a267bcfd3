// What the query builder and its term expansion read: the index's analyzer and statistics, the
// entity catalog, the limits, how plain words combine and how much each expanded term weighs.
#pragma once

#include <chrono>

#include "searcher/search.h"

namespace Xapian {
class Database;
}

namespace rasd {

class Analyzer;
class EntityCatalog;
class TermStats;

/// How plain words combine: every word (the default) or any word (ranked, for natural questions).
enum class WordMode { All, Any };

/// Relative weights of the terms one query word expands to (BM25 on the stem = 1).
struct TermWeights {
  // Chosen on ARCD (bench/arcd_eval.py): 0.3/0.3 beat 0 (no boost) and 1.0 (as strong as the stem).
  double surface = 0.3;  // the exact normalised form
  double alt = 0.4;      // the stemmer's alternative stems (little effect either way)
  double title = 0.3;    // the stem in the title
  double entity = 1.0;   // the entity term of a recognised name
};

/// What the builder needs from the index and the request.
struct BuildContext {
  const Analyzer& analyzer;
  const TermStats* stats;
  EntityCatalog& entities;
  const QueryLimits& limits;
  WordMode mode = WordMode::All;
  TermWeights weights = {};
  // When set, wildcards are expanded here (most frequent completions first, each prefix walked
  // once per query) with the search's clock checked while the index's words are walked, instead
  // of inside Xapian's match where no deadline reaches.
  const Xapian::Database* db = nullptr;
  std::chrono::steady_clock::time_point deadline{};  // with limits.max_search_ms
};

}  // namespace rasd
