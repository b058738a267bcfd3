// A small index written straight through schema.h, with chosen entities, dates and clusters,
// so that the searcher's tests do not depend on entity extraction or the indexer's choices.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/analyzer.h"
#include "index/entity_kinds.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"

namespace rasd::test {

struct FixtureEntity {
  char letter;  // schema::kCountryLetter ...
  std::string type, id, label_ar, label_en;
};

struct FixtureDoc {
  std::string id, title, body, source, published, cluster;
  std::vector<FixtureEntity> entities;
};

inline void add_text(Xapian::Document& doc, const Analyzer& analyzer, const std::string& text, Xapian::termpos base,
                     bool title) {
  AnalyzeContext ctx;
  ctx.extraction = Extraction::TokensOnly;
  for (const Token& t : analyzer.analyze(text, ctx).tokens) {
    const Xapian::termpos pos = base + t.pos + 1;
    doc.add_posting(t.norm, pos);
    doc.add_posting(schema::term(schema::kStem, t.stem), pos);
    for (const std::string& a : t.alts) doc.add_posting(schema::term(schema::kStem, a), pos);
    if (title) doc.add_term(schema::term(schema::kTitle, t.stem));
  }
}

/// Writes `docs` into a new index at `dir` with the light stemmer (or `kind`).
inline void write_fixture_index(const std::string& dir, const std::vector<FixtureDoc>& docs,
                                StemmerKind kind = StemmerKind::Light) {
  const auto analyzer = make_analyzer({kind, ""});
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer->name());
  db.set_metadata(std::string(schema::kMetaStemmer), to_string(kind));
  std::uint64_t seq = 0;
  for (const FixtureDoc& d : docs) {
    Xapian::Document doc;
    const std::string idterm = schema::term(schema::kId, d.id);
    doc.add_boolean_term(idterm);
    add_text(doc, *analyzer, d.title, 0, true);
    add_text(doc, *analyzer, d.body, 1000, false);
    std::string facets = std::string(1, schema::kSourceLetter) + d.source;
    nlohmann::json ents = nlohmann::json::array();
    for (const FixtureEntity& e : d.entities) {
      doc.add_boolean_term(schema::term(find_entity_kind(e.letter)->prefix, e.id));
      doc.add_posting(std::string(schema::kEntity) + e.letter + e.id, 1001);
      facets += '\x1f' + std::string(1, e.letter) + e.id;
      ents.push_back({{"type", e.type}, {"id", e.id}, {"label_ar", e.label_ar}, {"label_en", e.label_en},
                      {"start", 0}, {"end", 0}, {"text", ""}, {"field", "text"}});
    }
    doc.add_boolean_term(schema::term(schema::kSource, d.source));
    if (d.published.size() >= 10) {
      doc.add_boolean_term(schema::term(schema::kYear, d.published.substr(0, 4)));
      doc.add_boolean_term(schema::term(schema::kMonth, d.published.substr(0, 4) + d.published.substr(5, 2)));
      doc.add_boolean_term(schema::term(schema::kDay, d.published.substr(0, 4) + d.published.substr(5, 2) + d.published.substr(8, 2)));
    }
    doc.add_value(schema::kPublished, d.published);
    doc.add_value(schema::kSequence, Xapian::sortable_serialise(static_cast<double>(++seq)));
    doc.add_value(schema::kOrder, schema::order_value(d.published, seq));
    if (!d.cluster.empty()) {
      doc.add_value(schema::kCluster, d.cluster);
      doc.add_boolean_term(schema::term(schema::kClusterTerm, d.cluster));  // as cluster_term() spells a short key
    }
    doc.add_value(schema::kFacets, facets);
    doc.add_value(schema::kFacetRecord, schema::facet_record(d.cluster, seq, d.published, facets));
    doc.add_value(schema::kSourceValue, d.source);
    const nlohmann::json data = {{"id", d.id}, {"title", d.title}, {"source", d.source}, {"url", "https://example.org/" + d.id},
                                 {"published", d.published}, {"lang", "ar"}, {"seq", seq}, {"text", d.body},
                                 {"entities", ents}, {"dates", nlohmann::json::array()}, {"extra", nlohmann::json::object()}};
    doc.set_data(data.dump());
    db.replace_document(idterm, doc);
  }
  db.commit();
}

}  // namespace rasd::test
