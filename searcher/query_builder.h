// Turns a parsed query into a Xapian::Query with the index's own analyzer, so that query terms
// are spelled exactly as the indexer spelled them (stems, surface forms, entity terms).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/build_context.h"
#include "searcher/match_terms.h"
#include "searcher/query_ast.h"

namespace rasd {

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

}  // namespace rasd
