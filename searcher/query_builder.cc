#include "searcher/query_builder.h"

#include "analyzers/analyzer.h"
#include "error/error.h"
#include "index/schema.h"
#include "searcher/entity_catalog.h"
#include "searcher/query_parser.h"
#include "searcher/query_terms.h"

namespace rasd {
namespace {

using query::Node;
using query::NodeKind;

/// A built sub-query and whether it only filters (contributes no score).
struct Part {
  Xapian::Query query;
  bool filter = false;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.size() == 1) return qs.front();
  return Xapian::Query(op, qs.begin(), qs.end());
}

class Builder {
 public:
  Builder(std::string_view text, BuildContext& ctx) : terms_(text, ctx, out_.match) , ctx_(ctx) {}

  BuiltQuery run(const Node* root) {
    if (!root) {
      out_.query = Xapian::Query::MatchAll;
      return std::move(out_);
    }
    std::vector<std::size_t> wildcards;
    find_wildcards(*root, wildcards);
    const std::size_t past = std::min(wildcards.size(), ctx_.limits.max_wildcards);
    terms_.share_wildcards(wildcards.size(), wildcards.empty() ? 0 : wildcards[past == wildcards.size() ? 0 : past]);
    Part p = node(*root);
    out_.query = std::move(p.query);
    out_.has_text = !p.filter;
    return std::move(out_);
  }

 private:
  // Offsets of the query's wildcards, in order.
  static void find_wildcards(const Node& n, std::vector<std::size_t>& out) {
    if (n.kind == NodeKind::Wildcard) out.push_back(n.offset);
    for (const auto& child : n.children) find_wildcards(*child, out);
  }

  Part node(const Node& n) {
    switch (n.kind) {
      case NodeKind::Words: return words(n);
      case NodeKind::Phrase: return {terms_.phrase(n.text, n.offset), false};
      case NodeKind::Wildcard: return {terms_.wildcard(n.text, n.offset), false};
      case NodeKind::Field: return field(n);
      case NodeKind::Near: return {terms_.near(n), false};
      case NodeKind::And: return conjunction(n);
      case NodeKind::Or: return disjunction(n);
      case NodeKind::Not: return negation(n);
    }
    return {Xapian::Query::MatchNothing, true};
  }

  Part words(const Node& n) {
    std::vector<Xapian::Query> pieces = terms_.words(n.text, n.offset);
    if (pieces.empty()) return {Xapian::Query::MatchAll, true};
    if (pieces.size() > 1 && ctx_.mode == WordMode::All) out_.relaxable = true;
    return {combine(ctx_.mode == WordMode::All ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, pieces), false};
  }

  Part field(const Node& n) {
    if (n.field == "title") return {terms_.title(n.text, n.quoted, n.offset), false};
    return {Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, terms_.filter(n.field, n.text, n.offset), 0.0), true};
  }

  Part conjunction(const Node& n) {
    std::vector<Xapian::Query> scored, filters, excluded;
    for (const auto& child : n.children) {
      if (child->kind == NodeKind::Not) {
        excluded.push_back(node(*child->children.front()).query);
        continue;
      }
      Part p = node(*child);
      (p.filter ? filters : scored).push_back(std::move(p.query));
    }
    const bool any = ctx_.mode == WordMode::Any;
    if (scored.size() > 1 && !any) out_.relaxable = true;
    Xapian::Query q = scored.empty() ? Xapian::Query::MatchAll
                                     : combine(any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, scored);
    if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, combine(Xapian::Query::OP_AND, filters));
    if (!excluded.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, combine(Xapian::Query::OP_OR, excluded));
    return {q, scored.empty()};
  }

  Part disjunction(const Node& n) {
    std::vector<Xapian::Query> qs;
    bool all_filters = true;
    for (const auto& child : n.children) {
      Part p = node(*child);
      all_filters = all_filters && p.filter;
      qs.push_back(std::move(p.query));
    }
    return {combine(Xapian::Query::OP_OR, qs), all_filters};
  }

  Part negation(const Node& n) {
    // A lone exclusion (not inside an AND) keeps everything else.
    return {Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, node(*n.children.front()).query), true};
  }

  BuiltQuery out_;
  QueryTerms terms_;
  BuildContext& ctx_;
};

}  // namespace

BuiltQuery build_query(const Node* root, std::string_view text, BuildContext& ctx) { return Builder(text, ctx).run(root); }

}  // namespace rasd
