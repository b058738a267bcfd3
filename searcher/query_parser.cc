#include "searcher/query_parser.h"

#include "error/error.h"
#include "analyzers/utf8.h"
#include "searcher/query_lexer.h"

namespace rasd::query {
namespace {

NodePtr make(NodeKind kind, std::size_t offset) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  n->offset = offset;
  return n;
}

/// Recursive descent over the lexemes:
///   or   := and (OR and)*
///   and  := unary+            (implicit AND; AND is optional)
///   unary:= '-' near | near
///   near := primary (NEAR/n primary)*
///   primary := '(' or ')' | word | "phrase" | prefix* | field:value
class Parser {
 public:
  Parser(std::string_view text, std::vector<Lexeme> lexemes, const QueryLimits& limits)
      : text_(text), lx_(std::move(lexemes)), limits_(limits) {}

  NodePtr run() {
    if (peek().kind == LexKind::End) return nullptr;
    NodePtr root = parse_or(0);
    if (peek().kind == LexKind::RParen) fail("')' without a matching '('", peek().offset);
    return root;
  }

 private:
  const Lexeme& peek() const { return lx_[i_]; }
  const Lexeme& take() { return lx_[i_ < lx_.size() - 1 ? i_++ : i_]; }

  [[noreturn]] void fail(const std::string& what, std::size_t offset) const {
    throw InvalidInput("query: " + what + " at character " + std::to_string(char_position(text_, offset)));
  }

  NodePtr parse_or(std::size_t depth) {
    NodePtr first = parse_and(depth);
    if (peek().kind != LexKind::Or) return first;
    NodePtr n = make(NodeKind::Or, first->offset);
    n->children.push_back(std::move(first));
    while (peek().kind == LexKind::Or) {
      const std::size_t at = take().offset;
      if (ends_and()) fail("OR needs a term on both sides", at);
      n->children.push_back(parse_and(depth));
    }
    return n;
  }

  bool ends_and() const {
    const LexKind k = peek().kind;
    return k == LexKind::End || k == LexKind::RParen || k == LexKind::Or;
  }

  NodePtr parse_and(std::size_t depth) {
    const std::size_t offset = peek().offset;
    std::vector<NodePtr> items;
    while (!ends_and()) {
      if (peek().kind == LexKind::And) {
        take();
        continue;
      }
      NodePtr item = parse_unary(depth);
      // Adjacent plain words form one run, so that a multi-word name is recognised as a whole.
      if (item->kind == NodeKind::Words && !items.empty() && items.back()->kind == NodeKind::Words)
        items.back()->text += " " + item->text;
      else
        items.push_back(std::move(item));
    }
    if (items.empty()) {
      if (peek().kind == LexKind::Or) fail("OR needs a term on both sides", peek().offset);
      fail("expected a search term", peek().offset);
    }
    if (items.size() == 1) return std::move(items.front());
    NodePtr n = make(NodeKind::And, offset);
    n->children = std::move(items);
    return n;
  }

  NodePtr parse_unary(std::size_t depth) {
    if (peek().kind != LexKind::Not) return parse_near(depth);
    const std::size_t offset = take().offset;
    if (ends_and() || peek().kind == LexKind::Not) fail("'-' must be followed by a term", offset);
    NodePtr n = make(NodeKind::Not, offset);
    n->children.push_back(parse_near(depth));
    return n;
  }

  NodePtr parse_near(std::size_t depth) {
    NodePtr left = parse_primary(depth);
    while (peek().kind == LexKind::Near) {
      const Lexeme& op = take();
      if (ends_and()) fail("NEAR needs a term on both sides", op.offset);
      NodePtr right = parse_primary(depth);
      if (left->kind == NodeKind::Near && left->distance == op.distance) {
        left->children.push_back(std::move(right));
        continue;
      }
      NodePtr n = make(NodeKind::Near, left->offset);
      n->distance = op.distance;
      n->children.push_back(std::move(left));
      n->children.push_back(std::move(right));
      left = std::move(n);
    }
    return left;
  }

  NodePtr parse_primary(std::size_t depth) {
    const Lexeme& lx = take();
    switch (lx.kind) {
      case LexKind::LParen: return parse_group(lx.offset, depth + 1);
      case LexKind::Word: return leaf(NodeKind::Words, lx);
      case LexKind::Phrase: return leaf(NodeKind::Phrase, lx);
      case LexKind::Wildcard: return leaf(NodeKind::Wildcard, lx);
      case LexKind::Field: {
        NodePtr n = leaf(NodeKind::Field, lx);
        n->field = lx.field;
        n->quoted = lx.quoted;
        return n;
      }
      case LexKind::Near: fail("NEAR needs a term on both sides", lx.offset);
      case LexKind::Or: fail("OR needs a term on both sides", lx.offset);
      case LexKind::RParen: fail("')' without a matching '('", lx.offset);
      default: fail("expected a search term", lx.offset);
    }
  }

  NodePtr parse_group(std::size_t open, std::size_t depth) {
    if (depth > limits_.max_depth)
      throw LimitExceeded("query: parentheses nested deeper than " + std::to_string(limits_.max_depth) +
                          " at character " + std::to_string(char_position(text_, open)));
    if (peek().kind == LexKind::RParen) fail("empty parentheses", open);
    NodePtr inner = parse_or(depth);
    if (peek().kind != LexKind::RParen) fail("'(' is never closed", open);
    take();
    return inner;
  }

  static NodePtr leaf(NodeKind kind, const Lexeme& lx) {
    NodePtr n = make(kind, lx.offset);
    n->text = lx.text;
    return n;
  }

  std::string_view text_;
  std::vector<Lexeme> lx_;
  const QueryLimits& limits_;
  std::size_t i_ = 0;
};

void describe_into(const Node& n, std::string& out) {
  auto quoted = [&](const std::string& s) { out += '"' + s + '"'; };
  switch (n.kind) {
    case NodeKind::Words: out += "(words "; quoted(n.text); break;
    case NodeKind::Phrase: out += "(phrase "; quoted(n.text); break;
    case NodeKind::Wildcard: out += "(wild "; quoted(n.text); break;
    case NodeKind::Field: out += "(" + n.field + " "; quoted(n.text); break;
    case NodeKind::Near: out += "(near/" + std::to_string(n.distance); break;
    case NodeKind::And: out += "(and"; break;
    case NodeKind::Or: out += "(or"; break;
    case NodeKind::Not: out += "(not"; break;
  }
  for (const NodePtr& c : n.children) {
    out += ' ';
    describe_into(*c, out);
  }
  out += ')';
}

}  // namespace

NodePtr parse(std::string_view text, const QueryLimits& limits) {
  if (text.size() > limits.max_query_bytes)
    throw LimitExceeded("query: longer than " + std::to_string(limits.max_query_bytes) + " bytes (stopped at character " +
                        std::to_string(char_position(text, limits.max_query_bytes)) + ")");
  return Parser(text, lex(text), limits).run();
}

std::string describe(const Node& node) {
  std::string out;
  describe_into(node, out);
  return out;
}

}  // namespace rasd::query
