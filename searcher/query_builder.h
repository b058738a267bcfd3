// Turns a parsed query into a Xapian::Query with the index's own analyzer, so that query terms
// are spelled exactly as the indexer spelled them (stems, surface forms, entity terms).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/query_ast.h"
#include "searcher/searcher.h"

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
};

/// What the snippet highlighter matches document words against.
struct MatchTerms {
  std::vector<std::string> norms, stems, prefixes;  // surface forms, stems, wildcard prefixes
};

/// A query ready for Enquire.
struct BuiltQuery {
  Xapian::Query query;     // MatchAll when the query only filters (or is empty)
  bool relaxable = false;  // ANDs words that WordMode::Any would rank instead
  bool has_text = false;   // has scored terms (else results sort by date)
  MatchTerms match;
};

/// Builds the query for `root` (may be null) of the query string `text`. Throws InvalidInput
/// for a bad field value or wildcard, LimitExceeded past limits.max_terms; both name the position.
BuiltQuery build_query(const query::Node* root, std::string_view text, BuildContext& ctx);

/// A value-range query on the publication date for "YYYY[-MM[-DD]]" bounds (either may be empty).
Xapian::Query date_range_query(std::string_view from, std::string_view to);

/// Checks a date bound "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool is_date_bound(std::string_view s);

}  // namespace rasd
