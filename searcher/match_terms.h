// What a query matched in words, for the parts that mark them in a text: the snippet
// highlighter and the hit cache's key. Filled by the query builder.
#pragma once

#include <string>
#include <vector>

namespace rasd {

/// What the snippet highlighter matches document words against.
struct MatchTerms {
  std::vector<std::string> norms, stems, prefixes;  // surface forms, stems, wildcard prefixes
};

}  // namespace rasd
