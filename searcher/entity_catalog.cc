#include "searcher/entity_catalog.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/model_mentions.h"
#include "index/schema.h"

namespace rasd {
namespace {

std::string ascii_case(std::string_view s, bool upper) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool EntityCatalog::exists(const EntityKind& kind, const std::string& id) const {
  return !id.empty() && db_.term_exists(schema::term(kind.prefix, id));
}

std::string EntityCatalog::resolve(const EntityKind& kind, std::string_view raw) {
  const std::string_view value = trim(raw);
  if (kind.letter == schema::kSourceLetter) return ascii_case(value, false);
  const std::string as_given(value);
  const std::string upper = ascii_case(value, true);
  const std::string lower = ascii_case(value, false);
  for (const std::string* id : {&as_given, &upper, &lower})
    if (exists(kind, *id)) return *id;
  // An Arabic (or aliased) name the gazetteer knows: the extractor finds it as a whole.
  AnalyzeContext known;
  known.extraction = Extraction::Known;
  const Analysis a = analyzer_.analyze(value, known);
  for (const EntityMention& m : a.entities)
    if (&entity_kind(m.type) == &kind && m.start == 0 && m.end == value.size()) return m.id;
  // A name the recognizer found: its id comes from the name's words (person:"أبو محمد العدناني")
  if (kind.type && *kind.type != EntityType::Country) {  // the recognizer finds no countries
    const EntityType* type = &*kind.type;
    const std::string id = model_entity_id(analyzer_.gazetteer(), *type, a.tokens);
    if (exists(kind, id)) return id;
  }
  if (std::string id = find_by_label(kind, value); !id.empty()) return id;
  return kind.letter == schema::kCountryLetter ? upper : as_given;
}

// The gazetteer's labels: Arabic (normalised) and English (lower-case) names of every entry.
void EntityCatalog::load_gazetteer() {
  if (!by_label_.empty()) return;
  for (const GazetteerEntry& e : analyzer_.gazetteer().entries()) {
    const EntityKind* kind = &entity_kind(e.type);
    by_label_.try_emplace(kind->letter + analyzer_.normalize(e.label_ar), e.id);
    by_label_.try_emplace(kind->letter + ascii_case(e.label_en, false), e.id);
    labels_.try_emplace(key(*kind, e.id), EntityLabels{e.label_ar, e.label_en});
  }
  by_label_.emplace(std::string(), std::string());  // loaded, even when the gazetteer is empty
}

std::string EntityCatalog::find_by_label(const EntityKind& kind, std::string_view label) {
  load_gazetteer();
  for (const std::string& k : {kind.letter + analyzer_.normalize(label), kind.letter + ascii_case(label, false)})
    if (auto it = by_label_.find(k); it != by_label_.end()) return it->second;
  if (!scanned_[kind.letter]) {
    // Label every entity of this kind once: one stored document read per unlabelled entity.
    const std::string prefix(kind.prefix);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t)
      labels(kind, (*t).substr(prefix.size()));
    scanned_[kind.letter] = true;
  }
  const std::string norm = analyzer_.normalize(label);
  const std::string lower = ascii_case(label, false);
  for (const auto& [key, l] : labels_) {
    if (key.front() != kind.letter) continue;
    if ((!l.label_ar.empty() && analyzer_.normalize(l.label_ar) == norm) || (!l.label_en.empty() && ascii_case(l.label_en, false) == lower))
      return key.substr(1);
  }
  return {};
}

EntityLabels EntityCatalog::labels(const EntityKind& kind, const std::string& id) {
  if (kind.letter == schema::kSourceLetter) return {id, id};
  load_gazetteer();
  const std::string k = key(kind, id);
  if (auto it = labels_.find(k); it != labels_.end()) return it->second;
  // The earliest ingested document that names the entity gives its labels: the same document
  // on one index and on shards, where documents are numbered otherwise.
  Xapian::Enquire earliest(db_);
  earliest.set_query(Xapian::Query(schema::term(kind.prefix, id)));
  earliest.set_weighting_scheme(Xapian::BoolWeight());
  earliest.set_sort_by_value(schema::kSequence, false);
  const Xapian::MSet first = earliest.get_mset(0, 1);
  EntityLabels found;
  if (!first.empty()) found = labels_in_document(*first.begin(), kind, id);
  return labels_.try_emplace(k, std::move(found)).first->second;  // remembers misses too
}

EntityLabels EntityCatalog::labels_in_document(Xapian::docid did, const EntityKind& kind, const std::string& id) const {
  const nlohmann::json data = nlohmann::json::parse(db_.get_document(did).get_data(), nullptr, false);
  if (!data.is_object() || !data.contains("entities") || !data["entities"].is_array()) return {};
  for (const nlohmann::json& e : data["entities"]) {
    if (!e.is_object() || e.value("id", std::string()) != id || find_entity_kind(e.value("type", std::string())) != &kind) continue;
    return {e.value("label_ar", std::string()), e.value("label_en", std::string())};
  }
  return {};
}

}  // namespace rasd
