// Parses rasd's query language (words, "phrases", -exclude, OR, NEAR/n, parentheses, field:value,
// prefix*) into a syntax tree. Pure: no index, no analyzer; errors name the character position.
#pragma once

#include <string_view>

#include "searcher/query_ast.h"
#include "searcher/search.h"

namespace rasd::query {

/// The query's tree, or nullptr when the query has no terms (only spaces). Throws InvalidInput
/// for a malformed query and LimitExceeded for one that is too long or too deeply nested; the
/// message names the 1-based character position at fault.
NodePtr parse(std::string_view text, const QueryLimits& limits);

}  // namespace rasd::query
