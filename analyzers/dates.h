// Finds dates in analysed tokens and resolves them to ISO values (ARABIC.md §4).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/token.h"

namespace rasd {

class DateExtractor {
 public:
  /// Dates in `tokens` of the original `text`. Relative forms resolve against `published`
  /// ("YYYY-MM-DD") and are skipped when it is unknown.
  std::vector<DateMention> extract(std::string_view text, const std::vector<Token>& tokens,
                                   const std::optional<std::string>& published) const;
};

}  // namespace rasd
