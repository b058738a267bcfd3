#include "indexer/document_builder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer/copy_clusters.h"
#include "indexer/iso_date.h"
#include "index/entity_kinds.h"
#include "index/id_term.h"
#include "index/schema.h"
#include "index/hash.h"

namespace rasd {
namespace {

constexpr Xapian::termpos kFieldGap = 100;           // title and body never form one phrase
constexpr std::uint32_t kDatelineWindowBytes = 240;  // a dateline opens the body

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Surface terms (wdf only) and positional stem terms of one field; title stems also under S.
void index_tokens(const Analysis& a, Xapian::termpos base, bool title, Xapian::Document& doc) {
  std::string term(schema::kStem);  // reused: the prefix stays, the stem is replaced
  const std::size_t prefix = term.size();
  for (const Token& t : a.tokens) {
    const Xapian::termpos pos = base + t.pos;
    // Surface forms weigh exact matches and feed the stemmer's statistics; phrases and NEAR
    // match on stems, so only stems carry positions (each positional term costs Xapian a
    // position-table entry per document: about half the write time and size).
    doc.add_term(t.norm);
    term.resize(prefix);
    term += t.stem;
    doc.add_posting(term, pos);
    for (const std::string& alt : t.alts) {
      term.resize(prefix);
      term += alt;
      doc.add_posting(term, pos, 0);  // same position, no weight of its own
    }
    if (title) doc.add_term(schema::term(schema::kTitle, t.stem));
  }
}

nlohmann::json entity_json(const EntityMention& e, std::string_view text, const char* field) {
  nlohmann::json j = {{"type", to_string(e.type)}, {"id", e.id}, {"label_ar", e.label_ar}, {"label_en", e.label_en},
                      {"start", e.start}, {"end", e.end}, {"text", text.substr(e.start, e.end - e.start)},
                      {"field", field}};
  if (e.source != MentionSource::Gazetteer) j["source"] = to_string(e.source);  // the gazetteer's go without
  if (e.source == MentionSource::Model) j["confidence"] = std::round(double(e.confidence) * 1000) / 1000;
  if (e.adjective) j["adjective"] = true;  // copy detection leaves nisba forms out (copy_signature.h)
  return j;
}

nlohmann::json date_json(const DateMention& d, std::string_view text, const char* field) {
  return {{"value", d.value}, {"precision", to_string(d.precision)}, {"start", d.start}, {"end", d.end},
          {"text", text.substr(d.start, d.end - d.start)}, {"field", field}};
}

// Entity terms at the mention's position, filter terms, JSON; facet keys collected.
void index_entities(const Analysis& a, Xapian::termpos base, std::string_view text, const char* field,
                    Xapian::Document& doc, std::set<std::string>& facets, nlohmann::json& out) {
  for (const EntityMention& e : a.entities) {
    const std::string key = std::string(1, entity_kind(e.type).letter) + e.id;
    doc.add_posting(schema::term(schema::kEntity, key), base + e.first_pos);
    doc.add_boolean_term(schema::term(entity_kind(e.type).prefix, e.id));
    facets.insert(key);
    out.push_back(entity_json(e, text, field));
  }
}

void add_date_terms(const std::string& day, Xapian::Document& doc) {
  std::string compact = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
  doc.add_boolean_term(schema::term(schema::kYear, compact.substr(0, 4)));
  doc.add_boolean_term(schema::term(schema::kMonth, compact.substr(0, 6)));
  doc.add_boolean_term(schema::term(schema::kDay, compact));
}

// The first day-precision date near the start of the body: "الرباط، 12 مارس 2023 - ...".
std::optional<std::string> dateline(const Analysis& body) {
  for (const DateMention& d : body.dates)
    if (d.precision == DatePrecision::Day && d.start < kDatelineWindowBytes) return d.value;
  return std::nullopt;
}

// Source and publication date: filter terms, values, facet key; then the facet value.
void add_metadata(const Report& r, std::set<std::string>& facets, Xapian::Document& doc) {
  const std::string source = lower_ascii(r.source);
  if (!source.empty()) {
    doc.add_boolean_term(schema::term(schema::kSource, source));
    facets.insert(std::string(1, schema::kSourceLetter) + source);
    doc.add_value(schema::kSourceValue, source);
  }
  if (r.published) {
    const std::string day = day_of(*r.published);
    add_date_terms(day, doc);
    doc.add_value(schema::kPublished, day);
  }
  std::string facet_value;
  for (const std::string& f : facets) facet_value.append(facet_value.empty() ? "" : "\x1f").append(f);
  if (!facet_value.empty()) doc.add_value(schema::kFacets, facet_value);
}

// The content hash value, and the anchor terms copies of the body are found by.
void add_signatures(BuiltDocument& out) {
  Xapian::Document& doc = out.doc;
  doc.add_value(schema::kContentHash, to_hex(out.content_hash));
  for (std::uint32_t a : out.copy.anchors) doc.add_boolean_term(anchor_term(a));
}

// The stored document (report.h), without "seq": the writer adds it.
std::string stored_json(const Report& r, nlohmann::json entities, const Analysis& title, const Analysis& body) {
  nlohmann::json dates = nlohmann::json::array();
  for (const DateMention& d : title.dates) dates.push_back(date_json(d, r.title, "title"));
  for (const DateMention& d : body.dates) dates.push_back(date_json(d, r.body, "text"));
  nlohmann::json data = {{"id", r.id}, {"title", r.title}, {"source", r.source}, {"url", r.url},
                         {"published", r.published ? nlohmann::json(*r.published) : nlohmann::json()},
                         {"lang", r.lang}, {"text", r.body}, {"entities", std::move(entities)},
                         {"dates", std::move(dates)}};
  nlohmann::json extra = r.extra_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(r.extra_json, nullptr, false);
  data["extra"] = extra.is_object() ? extra : nlohmann::json::object();
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::uint64_t content_hash(const Report& r) {
  std::uint64_t h = hash64(r.id);
  for (const std::string* s : {&r.title, &r.body, &r.source, &r.url, &r.lang, &r.extra_json}) h = hash64(*s, h);
  return hash64(r.published.value_or(""), h);
}

DocumentBuilder::DocumentBuilder(const Analyzer& analyzer)
    : analyzer_(analyzer), signer_(std::make_unique<CopySigner>(analyzer)) {}

DocumentBuilder::~DocumentBuilder() = default;

BuiltDocument DocumentBuilder::build(Report r, const TermStats* stats, StemMemo* memo, ner::TaggerMemo* tagger_memo) const {
  BuiltDocument out;
  out.id = r.id;
  out.id_term = id_term(r.id);
  out.origin = r.origin;
  out.content_hash = content_hash(r);
  out.dateline = r.dated_from_text;
  AnalyzeContext ctx{stats, r.published ? std::optional<std::string>(day_of(*r.published)) : std::nullopt,
                     Extraction::Full, memo, tagger_memo};
  const Analysis title = analyzer_.analyze(r.title, ctx);
  const Analysis body = analyzer_.analyze(r.body, ctx);
  if (!r.published)
    if (auto d = dateline(body)) {
      r.published = *d;
      out.dateline = true;
    }
  Xapian::Document& doc = out.doc;
  doc.add_boolean_term(out.id_term);
  const Xapian::termpos body_base = 1 + (title.tokens.empty() ? 0 : title.tokens.back().pos) + kFieldGap;
  index_tokens(title, 1, true, doc);
  index_tokens(body, body_base, false, doc);
  std::set<std::string> facets;
  nlohmann::json entities = nlohmann::json::array();
  index_entities(title, 1, r.title, "title", doc, facets, entities);
  index_entities(body, body_base, r.body, "text", doc, facets, entities);
  add_metadata(r, facets, doc);
  // Bodies are compared without their titles: most copies change the title.
  CopySource copy{r.source, r.published, r.body, &body.tokens, mentions_of(r.body, body)};
  out.copy = signer_->sign(copy);
  add_signatures(out);
  out.data = stored_json(r, std::move(entities), title, body);
  return out;
}

}  // namespace rasd
