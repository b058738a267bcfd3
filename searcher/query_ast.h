// The syntax tree of rasd's query language: what query_parser produces from a query string and
// query_builder turns into a Xapian::Query with the index's analyzer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rasd::query {

enum class NodeKind {
  Words,     // a run of plain words (text), ANDed; entity names inside are recognised as a whole
  Phrase,    // "quoted words" in order, adjacent
  Wildcard,  // prefix* (text = the prefix, without '*')
  Field,     // field:value (field = title|source|country|org|person|place|date)
  Near,      // children within `distance` words of each other, any order
  And,       // all children
  Or,        // any child
  Not,       // one child, excluded (-x)
};

/// One node of a parsed query. `offset` is the byte offset of its source text in the query.
struct Node {
  NodeKind kind = NodeKind::Words;
  std::string text;    // Words, Phrase, Wildcard: raw text; Field: the value
  std::string field;   // Field: the lower-case field name
  bool quoted = false; // Field: value was a "phrase"
  std::uint32_t distance = 0;  // Near: NEAR/n
  std::size_t offset = 0;
  std::vector<std::unique_ptr<Node>> children;
};

using NodePtr = std::unique_ptr<Node>;

/// A compact S-expression of the tree, for tests and debugging: (and (words "a b") (not ...)).
std::string describe(const Node& node);

}  // namespace rasd::query
