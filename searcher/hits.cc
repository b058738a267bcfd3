#include "searcher/hits.h"

#include <set>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "searcher/snippets.h"

namespace rasd {
namespace {

constexpr Xapian::doccount kMaxCopiesListed = 20;

std::string text_of(const nlohmann::json& data, const char* key) {
  const auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<EntityRef> entities_of(const nlohmann::json& data) {
  std::vector<EntityRef> out;
  const auto it = data.find("entities");
  if (it == data.end() || !it->is_array()) return out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const nlohmann::json& e : *it) {
    EntityRef r{text_of(e, "type"), text_of(e, "id"), text_of(e, "label_ar"), text_of(e, "label_en")};
    if (r.id.empty() || !seen.emplace(r.type, r.id).second) continue;
    out.push_back(std::move(r));
  }
  return out;
}

// The other matching members of the hit's near-duplicate cluster.
std::vector<Copy> copies_of(const std::string& cluster, Xapian::docid self, const HitContext& ctx) {
  std::vector<Copy> out;
  Xapian::Enquire enquire(ctx.db);
  const Xapian::Query same(Xapian::Query::OP_VALUE_RANGE, schema::kCluster, cluster, cluster);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ctx.plan.full(), same));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, kMaxCopiesListed + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == self) continue;
    const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (data.is_object()) out.push_back({text_of(data, "id"), text_of(data, "source")});
  }
  return out;
}

// The id from the document's Q term: no stored data to parse.
std::string id_from_terms(const Xapian::Document& doc) {
  const std::string prefix(schema::kId);
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(prefix);
  if (t == doc.termlist_end() || !(*t).starts_with(prefix)) return {};
  return (*t).substr(prefix.size());
}

}  // namespace

Hit make_hit(const Xapian::MSetIterator& item, std::uint32_t rank, const HitContext& ctx) {
  const Xapian::Document doc = item.get_document();
  std::string id = ctx.ids_only ? id_from_terms(doc) : std::string();
  if (ctx.ids_only && id.find('#') == std::string::npos) {  // '#': a hashed long id, read the data
    Hit h;
    h.rank = rank;
    h.score = item.get_weight();
    h.id = std::move(id);
    return h;
  }
  const nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  Hit h;
  h.rank = rank;
  h.score = item.get_weight();
  if (data.is_object()) {
    h.id = text_of(data, "id");
    h.title = text_of(data, "title");
    h.source = text_of(data, "source");
    h.url = text_of(data, "url");
    h.published = text_of(data, "published");
    h.entities = entities_of(data);
  }
  if (h.published.empty()) h.published = doc.get_value(schema::kPublished);
  const std::string seq = doc.get_value(schema::kSequence);
  if (!seq.empty()) h.sequence = static_cast<std::uint64_t>(Xapian::sortable_unserialise(seq));
  if (ctx.collapsed && item.get_collapse_count() > 0) {
    h.copy_list = copies_of(item.get_collapse_key(), *item, ctx);
    h.copies = 1 + std::max<std::uint32_t>(static_cast<std::uint32_t>(item.get_collapse_count()),
                                           static_cast<std::uint32_t>(h.copy_list.size()));
  }
  if (ctx.snippets && data.is_object()) {
    SnippetOptions options;
    options.stats = ctx.stats;
    h.snippet = make_snippet(text_of(data, "text"), ctx.plan.match, ctx.analyzer, options);
  }
  return h;
}

}  // namespace rasd
