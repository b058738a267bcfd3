// The leaves of a query: analysed words, phrases, wildcards, title words and filters, each
// spelled with the index's prefixes (schema.h) and counted against QueryLimits::max_terms.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzers/token.h"
#include "searcher/query_ast.h"
#include "searcher/build_context.h"
#include "searcher/match_terms.h"

namespace rasd {

/// Builds leaf queries for one query string; used by the query builder.
class QueryTerms {
 public:
  QueryTerms(std::string_view text, BuildContext& ctx, MatchTerms& match) : text_(text), ctx_(ctx), match_(match) {}

  /// One query per word or recognised name (stop words dropped unless all are stop words).
  std::vector<Xapian::Query> words(std::string_view words, std::size_t offset);
  /// The words in order, matched on their stems (through clitics and spelling variants).
  Xapian::Query phrase(std::string_view words, std::size_t offset);
  /// Normalised surface forms starting with `prefix`, most frequent first, bounded.
  Xapian::Query wildcard(std::string_view prefix, std::size_t offset);
  /// Title stems (all of them).
  Xapian::Query title(std::string_view words, bool quoted, std::size_t offset);
  /// A boolean filter: source, country, org, person, place, date.
  Xapian::Query filter(const std::string& field, std::string_view value, std::size_t offset);
  /// Words of the node's children within node.distance words of each other.
  Xapian::Query near(const query::Node& node);
  /// Splits QueryLimits::max_wildcard_terms evenly over the query's `count` wildcards; throws
  /// LimitExceeded when there are more than max_wildcards (`offset`: the first one past it).
  void share_wildcards(std::size_t count, std::size_t offset);

 private:
  Xapian::Query word(const Token& token, std::size_t offset);
  Xapian::Query positional(const Token& token, std::size_t offset);
  Xapian::Query date(std::string_view value, std::size_t offset);
  std::vector<Token> tokens(std::string_view words) const;
  void count(std::size_t offset);
  [[noreturn]] void fail(const std::string& what, std::size_t offset) const;

  std::string_view text_;
  BuildContext& ctx_;
  MatchTerms& match_;
  std::size_t terms_ = 0;
  std::size_t wildcard_share_ = 0;  // expansion of each wildcard; 0 until shared
  std::map<std::string, std::vector<std::string>> expansions_;  // prefix -> its completions
  std::vector<std::string> expand(const std::string& prefix, std::size_t share);
};

}  // namespace rasd
