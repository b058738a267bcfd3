#include "index/entity_kinds.h"

#include <array>

#include "index/schema.h"

namespace rasd {
namespace {

const std::array<EntityKind, 5> kKinds = {{
    {"country", schema::kCountry, schema::kCountryLetter, EntityType::Country},
    {"org", schema::kOrg, schema::kOrgLetter, EntityType::Organization},
    {"person", schema::kPerson, schema::kPersonLetter, EntityType::Person},
    {"place", schema::kPlace, schema::kPlaceLetter, EntityType::Place},
    {"source", schema::kSource, schema::kSourceLetter, std::nullopt},
}};

}  // namespace

std::span<const EntityKind> entity_kinds() { return kKinds; }

const EntityKind& entity_kind(EntityType type) {
  for (const EntityKind& k : kKinds)
    if (k.type == type) return k;
  return kKinds.front();  // unreachable: every type has a kind
}

const EntityKind* find_entity_kind(std::string_view name) {
  for (const EntityKind& k : kKinds)
    if (k.name == name) return &k;
  return nullptr;
}

const EntityKind* find_entity_kind(char letter) {
  for (const EntityKind& k : kKinds)
    if (k.letter == letter) return &k;
  return nullptr;
}

}  // namespace rasd
