#include "searcher/search_plan.h"

#include <algorithm>
#include <cmath>

#include "analyzers/analyzer.h"
#include "error/error.h"
#include "index/id_term.h"
#include "index/index_reader.h"
#include "index/schema.h"
#include "searcher/date_query.h"
#include "searcher/entity_catalog.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/sequence_filter.h"

namespace rasd {
namespace {

using Q = Xapian::Query;

constexpr Xapian::termcount kLikeTerms = 30;

Q combine(Q::op op, const std::vector<Q>& qs) { return qs.size() == 1 ? qs.front() : Q(op, qs.begin(), qs.end()); }

Q entity_filter(const EntityKind& kind, const std::vector<std::string>& values, EntityCatalog& entities) {
  std::vector<Q> qs;
  for (const std::string& v : values) qs.emplace_back(schema::term(kind.prefix, entities.resolve(kind, v)));
  return Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_OR, qs), 0.0);
}

void check_date(const std::optional<std::string>& value, const char* parameter) {
  if (value && !is_date_bound(*value))
    throw InvalidInput(std::string(parameter) + ": '" + *value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
}

// More like this: the document's most telling stems, weighed by its own counts and the whole
// index's statistics only (saturated wdf times BM25's idf; ties by term), so that shards choose
// the terms one index would. Xapian's expansion set weighs terms per database.
Q like_query(const std::string& id, const Xapian::Database& db, std::vector<Q>& excluded) {
  const std::string idterm = id_term(id);
  auto p = db.postlist_begin(idterm);
  if (p == db.postlist_end(idterm)) throw NotFound("no document with id '" + id + "'");
  const double n = db.get_doccount();
  const std::string prefix(schema::kStem);
  std::vector<std::pair<double, std::string>> scored;
  for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t) {
    const std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) continue;
    const double df = db.get_termfreq(term);
    if (df < 2) continue;  // only this document has it
    const double wdf = t.get_wdf();
    const double idf = std::log((n - df + 0.5) / (df + 0.5));
    if (idf <= 0) continue;
    scored.emplace_back(wdf / (wdf + 1.2) * idf, term);
  }
  const auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  const auto end = scored.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(kLikeTerms, scored.size()));
  std::partial_sort(scored.begin(), end, scored.end(), better);
  excluded.emplace_back(idterm);
  if (scored.empty()) return Q::MatchNothing;
  std::vector<Q> terms;
  for (auto it = scored.begin(); it != end; ++it) terms.emplace_back(it->second);
  return Q(Q::OP_OR, terms.begin(), terms.end());
}

}  // namespace

bool SearchPlan::filters_facet(char letter) const {
  for (const auto& [l, q] : facet_filters)
    if (l == letter) return true;
  return false;
}

Q SearchPlan::combined(char skip) const {
  std::vector<Q> all = filters;
  for (const auto& [letter, q] : facet_filters)
    if (letter != skip) all.push_back(q);
  Q q = text;
  if (!all.empty()) q = Q(Q::OP_FILTER, q, combine(Q::OP_AND, all));
  if (!excluded.empty()) q = Q(Q::OP_AND_NOT, q, combine(Q::OP_OR, excluded));
  return q;
}

SearchPlan make_plan(const SearchRequest& request, WordMode mode, PlanContext& ctx) {
  SearchPlan plan;
  const query::NodePtr root = query::parse(request.query, ctx.limits);
  BuildContext build{ctx.analyzer, &ctx.index.stats(), ctx.entities, ctx.limits, mode, {}, &ctx.index.db(), ctx.deadline};
  BuiltQuery built = build_query(root.get(), request.query, build);
  plan.text = std::move(built.query);
  plan.has_text = built.has_text;
  plan.relaxable = built.relaxable;
  plan.match = std::move(built.match);
  if (request.like_id) {
    Q like = like_query(*request.like_id, ctx.index.db(), plan.excluded);
    plan.text = plan.has_text ? Q(Q::OP_AND_MAYBE, plan.text, like) : Q(Q::OP_FILTER, like, plan.text);
    plan.has_text = true;
  }
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"country", &request.countries}, {"org", &request.orgs}, {"person", &request.persons},
      {"place", &request.places},      {"source", &request.sources}};
  for (const auto& [name, values] : lists) {
    if (values->empty()) continue;
    const EntityKind& kind = *find_entity_kind(name);
    plan.facet_filters.emplace_back(kind.letter, entity_filter(kind, *values, ctx.entities));
  }
  check_date(request.from, "from");
  check_date(request.to, "to");
  if (request.from || request.to) plan.filters.push_back(date_range_query(request.from.value_or(""), request.to.value_or("")));
  if (request.after_sequence && ctx.sequences)
    plan.filters.push_back(docid_query(ctx.sequences->after(ctx.index.db(), *request.after_sequence)));
  else if (request.after_sequence)
    plan.filters.emplace_back(Q::OP_VALUE_GE, schema::kSequence, schema::sequence_value(*request.after_sequence + 1));
  return plan;
}

}  // namespace rasd
