// Finds countries, organisations, persons and places in analysed tokens (ARABIC.md §4).
#pragma once

#include <vector>

#include "analyzers/token.h"

namespace rasd {

class Gazetteer;

class EntityExtractor {
 public:
  explicit EntityExtractor(const Gazetteer& gazetteer);
  /// Mentions in `tokens` (normalised, positions set) of the original `text`, sorted by start.
  std::vector<EntityMention> extract(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace rasd
