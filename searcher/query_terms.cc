#include "searcher/query_terms.h"

#include <algorithm>
#include <queue>

#include "analyzers/analyzer.h"
#include "error/error.h"
#include "analyzers/utf8.h"
#include "index/entity_kinds.h"
#include "index/schema.h"
#include "searcher/date_query.h"
#include "searcher/entity_catalog.h"
#include "searcher/query_lexer.h"

namespace rasd {
namespace {

using Q = Xapian::Query;

Q scaled(Q q, double factor) { return Q(Q::OP_SCALE_WEIGHT, std::move(q), factor); }

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) utf8::next(s, i);
  return n;
}

std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-') out += c;
  return out;
}

}  // namespace

void QueryTerms::fail(const std::string& what, std::size_t offset) const {
  throw InvalidInput("query: " + what + " at character " + std::to_string(query::char_position(text_, offset)));
}

void QueryTerms::count(std::size_t offset) {
  if (++terms_ > ctx_.limits.max_terms)
    throw LimitExceeded("query: more than " + std::to_string(ctx_.limits.max_terms) + " terms at character " +
                        std::to_string(query::char_position(text_, offset)));
}

std::vector<Token> QueryTerms::tokens(std::string_view words) const {
  AnalyzeContext actx;
  actx.stats = ctx_.stats;
  actx.extraction = Extraction::TokensOnly;
  return ctx_.analyzer.analyze(words, actx).tokens;
}

// The stem and its alternatives at one position: what phrases and NEAR match on.
Q QueryTerms::positional(const Token& t, std::size_t offset) {
  count(offset);
  std::vector<Q> qs{Q(schema::term(schema::kStem, t.stem))};
  for (const std::string& alt : t.alts) qs.emplace_back(schema::term(schema::kStem, alt));
  match_.norms.push_back(t.norm);
  match_.stems.push_back(t.stem);
  match_.stems.insert(match_.stems.end(), t.alts.begin(), t.alts.end());
  return qs.size() == 1 ? qs.front() : Q(Q::OP_OR, qs.begin(), qs.end());
}

// BM25 on the stem, plus the exact form, the alternatives and the title at lower weights.
Q QueryTerms::word(const Token& t, std::size_t offset) {
  count(offset);
  const TermWeights& w = ctx_.weights;
  std::vector<Q> qs{Q(schema::term(schema::kStem, t.stem))};
  for (const std::string& alt : t.alts) qs.push_back(scaled(Q(schema::term(schema::kStem, alt)), w.alt));
  qs.push_back(scaled(Q(t.norm), w.surface));
  qs.push_back(scaled(Q(schema::term(schema::kTitle, t.stem)), w.title));
  match_.norms.push_back(t.norm);
  match_.stems.push_back(t.stem);
  match_.stems.insert(match_.stems.end(), t.alts.begin(), t.alts.end());
  return Q(Q::OP_OR, qs.begin(), qs.end());
}

std::vector<Q> QueryTerms::words(std::string_view words, std::size_t offset) {
  AnalyzeContext actx;
  actx.stats = ctx_.stats;
  actx.extraction = Extraction::Known;  // a query is too short for the recognizer
  const Analysis a = ctx_.analyzer.analyze(words, actx);
  bool all_stop = true;
  for (const Token& t : a.tokens) all_stop = all_stop && t.stop;
  std::vector<Q> out;
  std::size_t e = 0;
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    while (e < a.entities.size() && a.entities[e].first_pos < t.pos) ++e;
    if (e < a.entities.size() && a.entities[e].first_pos == t.pos) {
      // A known name: its words as a phrase, or its entity term (other spellings, prefixed forms).
      const EntityMention& m = a.entities[e];
      std::vector<Q> group;
      for (; i < a.tokens.size() && a.tokens[i].pos <= m.last_pos; ++i) group.push_back(positional(a.tokens[i], offset));
      --i;
      Q name = group.size() == 1 ? group.front() : Q(Q::OP_PHRASE, group.begin(), group.end(), group.size());
      const std::string eterm = std::string(schema::kEntity) + entity_kind(m.type).letter + m.id;
      out.push_back(Q(Q::OP_OR, name, scaled(Q(eterm), ctx_.weights.entity)));
      continue;
    }
    if (t.stop && !all_stop) continue;
    out.push_back(word(t, offset));
  }
  return out;
}

Q QueryTerms::phrase(std::string_view words, std::size_t offset) {
  const std::vector<Token> toks = tokens(words);
  if (toks.empty()) fail("the phrase has no words", offset);
  std::vector<Q> group;
  for (const Token& t : toks) group.push_back(positional(t, offset));
  if (group.size() == 1) return group.front();
  return Q(Q::OP_PHRASE, group.begin(), group.end(), group.size());
}

Q QueryTerms::wildcard(std::string_view prefix, std::size_t offset) {
  const std::string norm = ctx_.analyzer.normalize(prefix);
  if (code_points(norm) < ctx_.limits.min_wildcard_prefix)
    fail("a wildcard needs at least " + std::to_string(ctx_.limits.min_wildcard_prefix) + " letters before '*'", offset);
  count(offset);
  match_.prefixes.push_back(norm);
  const std::size_t share = wildcard_share_ ? wildcard_share_ : ctx_.limits.max_wildcard_expansion;
  if (!ctx_.db) return Q(Q::OP_WILDCARD, norm, static_cast<Xapian::termcount>(share), Q::WILDCARD_LIMIT_MOST_FREQUENT);
  const std::vector<std::string> terms = expand(norm, share);
  return Q(Q::OP_SYNONYM, terms.begin(), terms.end());  // as OP_WILDCARD combines its expansion
}

// The `share` most frequent words starting with `prefix` (ties: the first in order), as
// Xapian's WILDCARD_LIMIT_MOST_FREQUENT picks them; the walk over the index's words is what a
// short prefix costs, so it looks at the search's clock as it goes.
std::vector<std::string> QueryTerms::expand(const std::string& prefix, std::size_t share) {
  if (const auto it = expansions_.find(prefix); it != expansions_.end()) return it->second;
  using Entry = std::pair<Xapian::doccount, std::string>;
  const auto more_frequent = [](const Entry& a, const Entry& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  std::priority_queue<Entry, std::vector<Entry>, decltype(more_frequent)> best(more_frequent);  // least frequent on top
  const bool timed = ctx_.limits.max_search_ms != 0;
  std::size_t walked = 0;
  for (auto t = ctx_.db->allterms_begin(prefix); t != ctx_.db->allterms_end(prefix); ++t) {
    if (timed && (++walked & 1023u) == 0 && std::chrono::steady_clock::now() >= ctx_.deadline)
      throw SearchTimeout("the search ran past its time limit of " + std::to_string(ctx_.limits.max_search_ms) +
                              " ms while expanding '" + prefix + "*'; use a longer prefix",
                          "max_search_ms");
    best.emplace(t.get_termfreq(), *t);
    if (best.size() > share) best.pop();
  }
  std::vector<std::string> out;
  for (; !best.empty(); best.pop()) out.push_back(best.top().second);
  std::sort(out.begin(), out.end());
  return expansions_[prefix] = out;
}

void QueryTerms::share_wildcards(std::size_t count, std::size_t offset) {
  const QueryLimits& l = ctx_.limits;
  if (count > l.max_wildcards)
    throw LimitExceeded("query: more than " + std::to_string(l.max_wildcards) +
                            " wildcards; use longer prefixes or fewer of them (wildcard at character " +
                            std::to_string(query::char_position(text_, offset)) + ")",
                        "max_wildcards");
  if (count == 0) return;
  // The query's wildcards share one budget, so 60 copies of a two-letter prefix cost what a few do.
  wildcard_share_ = std::max<std::size_t>(1, std::min(l.max_wildcard_expansion, l.max_wildcard_terms / count));
}

Q QueryTerms::title(std::string_view words, bool quoted, std::size_t offset) {
  std::vector<Q> qs;
  const std::vector<Token> toks = tokens(words);
  bool all_stop = true;
  for (const Token& t : toks) all_stop = all_stop && t.stop;
  for (const Token& t : toks) {
    if (t.stop && !all_stop && !quoted) continue;
    count(offset);
    qs.emplace_back(schema::term(schema::kTitle, t.stem));
    match_.norms.push_back(t.norm);
    match_.stems.push_back(t.stem);
  }
  if (qs.empty()) fail("'title:' needs a word", offset);
  const bool all = quoted || ctx_.mode == WordMode::All;
  return qs.size() == 1 ? qs.front() : Q(all ? Q::OP_AND : Q::OP_OR, qs.begin(), qs.end());
}

Q QueryTerms::filter(const std::string& field, std::string_view value, std::size_t offset) {
  count(offset);
  if (field == "date") return date(value, offset);
  const EntityKind* kind = find_entity_kind(field);
  if (!kind) fail("unknown field '" + field + "'", offset);
  return Q(schema::term(kind->prefix, ctx_.entities.resolve(*kind, value)));
}

Q QueryTerms::date(std::string_view value, std::size_t offset) {
  const std::string_view bad = "'date:' expects YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO";
  if (const auto dots = value.find(".."); dots != std::string_view::npos) {
    const std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
    if ((from.empty() && to.empty()) || (!from.empty() && !is_date_bound(from)) || (!to.empty() && !is_date_bound(to)))
      fail(std::string(bad), offset);
    return date_range_query(from, to);
  }
  if (!is_date_bound(value)) fail(std::string(bad), offset);
  const std::string_view prefix = value.size() == 4 ? schema::kYear : value.size() == 7 ? schema::kMonth : schema::kDay;
  return Q(schema::term(prefix, digits_only(value)));
}

Q QueryTerms::near(const query::Node& node) {
  std::vector<Q> group;
  for (const auto& child : node.children) {
    if (child->kind != query::NodeKind::Words && child->kind != query::NodeKind::Phrase)
      fail("NEAR joins words or phrases", child->offset);
    for (const Token& t : tokens(child->text)) group.push_back(positional(t, child->offset));
  }
  if (group.size() < 2) fail("NEAR needs a word on both sides", node.offset);
  return Q(Q::OP_NEAR, group.begin(), group.end(), node.distance + group.size());
}

}  // namespace rasd
