// Turns what an analyst types for an entity (an id, an Arabic or an English label) into the id
// the index uses, and an id back into its labels for facets. Labels come from the gazetteer
// (through the analyzer's entity extraction) and from the entities stored with the documents.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "index/entity_kinds.h"

namespace rasd {

class Analyzer;

/// The labels shown for one entity.
struct EntityLabels {
  std::string label_ar, label_en;
};

/// A per-Searcher cache of entity ids and labels over one database (not thread-safe).
class EntityCatalog {
 public:
  EntityCatalog(const Xapian::Database& db, const Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

  /// The id for `value` (an id, an Arabic or an English label). An unknown value comes back as
  /// given (normalised like an id), so it matches nothing until such an entity is indexed.
  std::string resolve(const EntityKind& kind, std::string_view value);

  /// Labels of `id` (empty when no document carries it; sources are their own label).
  EntityLabels labels(const EntityKind& kind, const std::string& id);

  /// Drops cached labels (after the database changed).
  void clear() { labels_.clear(); scanned_.clear(); by_label_.clear(); }

 private:
  std::string key(const EntityKind& kind, const std::string& id) const { return std::string(1, kind.letter) + id; }
  bool exists(const EntityKind& kind, const std::string& id) const;
  /// The labels a stored document gives entity `id` of `kind` (empty when it names none).
  EntityLabels labels_in_document(Xapian::docid did, const EntityKind& kind, const std::string& id) const;
  std::string find_by_label(const EntityKind& kind, std::string_view label);
  void load_gazetteer();

  Xapian::Database db_;
  const Analyzer& analyzer_;
  std::unordered_map<std::string, EntityLabels> labels_;  // key: letter + id
  std::unordered_map<char, bool> scanned_;                 // every entity of a kind labelled
  std::unordered_map<std::string, std::string> by_label_;  // letter + normalised label -> id
};

}  // namespace rasd
