// The one table of entity kinds in the index: the name a user types (country, org, ...), the
// prefix of its filter terms and the letter of its E terms and facet keys (schema.h spells both).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "analyzers/token.h"

namespace rasd {

/// One facet kind: the four entity types, and the source (which no extractor finds).
struct EntityKind {
  std::string_view name;    // "country", "org", "person", "place", "source"
  std::string_view prefix;  // filter term prefix (schema::kCountry ...)
  char letter;              // schema::kCountryLetter ...
  std::optional<EntityType> type;  // none for the source
};

/// All five kinds, in display order.
std::span<const EntityKind> entity_kinds();
/// The kind of an extracted entity's type.
const EntityKind& entity_kind(EntityType type);
/// The kind named `name`, or nullptr.
const EntityKind* find_entity_kind(std::string_view name);
/// The kind whose letter is `letter`, or nullptr.
const EntityKind* find_entity_kind(char letter);

}  // namespace rasd
