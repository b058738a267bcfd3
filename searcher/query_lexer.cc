#include "searcher/query_lexer.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "error/error.h"
#include "analyzers/utf8.h"

namespace rasd::query {
namespace {

constexpr std::array<std::string_view, 7> kFields = {"title", "source", "country", "org", "person", "place", "date"};

// Typographic quotes analysts paste from documents count as '"'.
constexpr char32_t kLeftDoubleQuote = U'\u201C';
constexpr char32_t kRightDoubleQuote = U'\u201D';
constexpr char32_t kLeftGuillemet = U'\u00AB';
constexpr char32_t kRightGuillemet = U'\u00BB';
constexpr std::uint32_t kDefaultNear = 10;
constexpr std::uint32_t kMaxNear = 100;

bool is_quote(char32_t c) {
  return c == U'"' || c == kLeftDoubleQuote || c == kRightDoubleQuote || c == kLeftGuillemet || c == kRightGuillemet;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0'; }

bool ends_word(char32_t c) { return is_space(c) || c == U'(' || c == U')' || is_quote(c); }

/// Code point at byte i without advancing.
char32_t peek(std::string_view s, std::size_t i) { return i < s.size() ? utf8::next(s, i) : 0; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    for (;;) {
      skip_spaces();
      if (i_ >= s_.size()) break;
      out.push_back(next());
    }
    out.push_back({LexKind::End, {}, {}, false, 0, s_.size()});
    return out;
  }

 private:
  void skip_spaces() {
    while (i_ < s_.size()) {
      std::size_t j = i_;
      if (!is_space(utf8::next(s_, j))) return;
      i_ = j;
    }
  }

  Lexeme next() {
    const std::size_t start = i_;
    std::size_t j = i_;
    const char32_t c = utf8::next(s_, j);
    if (c == U'(' || c == U')') {
      i_ = j;
      return {c == U'(' ? LexKind::LParen : LexKind::RParen, {}, {}, false, 0, start};
    }
    if (is_quote(c)) return {LexKind::Phrase, quoted(), {}, false, 0, start};
    if (c == U'-' && j < s_.size() && !is_space(peek(s_, j))) {
      i_ = j;
      return {LexKind::Not, {}, {}, false, 0, start};
    }
    return classify(word(), start);
  }

  // Text up to the closing quote; i_ is at the opening quote.
  std::string quoted() {
    const std::size_t open = i_;
    utf8::next(s_, i_);
    const std::size_t begin = i_;
    while (i_ < s_.size()) {
      const std::size_t before = i_;
      if (is_quote(utf8::next(s_, i_))) return std::string(s_.substr(begin, before - begin));
    }
    throw InvalidInput("query: unterminated quote at character " + std::to_string(char_position(s_, open)));
  }

  std::string word() {
    const std::size_t begin = i_;
    while (i_ < s_.size()) {
      std::size_t j = i_;
      if (ends_word(utf8::next(s_, j))) break;
      i_ = j;
    }
    return std::string(s_.substr(begin, i_ - begin));
  }

  Lexeme classify(std::string w, std::size_t start) {
    if (w == "OR" || w == "|") return {LexKind::Or, {}, {}, false, 0, start};
    if (w == "AND" || w == "&") return {LexKind::And, {}, {}, false, 0, start};
    if (w == "NOT") return {LexKind::Not, {}, {}, false, 0, start};
    if (w == "NEAR" || w.starts_with("NEAR/")) return near(w, start);
    if (const auto colon = w.find(':'); colon != std::string::npos && colon > 0) {
      std::string name = lower_ascii(w.substr(0, colon));
      if (is_field_name(name)) return field(std::move(name), w.substr(colon + 1), start);
    }
    if (w.size() > 1 && w.back() == '*') {
      w.pop_back();
      return {LexKind::Wildcard, std::move(w), {}, false, 0, start};
    }
    return {LexKind::Word, std::move(w), {}, false, 0, start};
  }

  Lexeme near(const std::string& w, std::size_t start) const {
    std::uint32_t n = kDefaultNear;
    if (w.size() > 5) {
      const char* first = w.data() + 5;
      const char* last = w.data() + w.size();
      auto [ptr, ec] = std::from_chars(first, last, n);
      if (ec != std::errc{} || ptr != last || n == 0 || n > kMaxNear)
        throw InvalidInput("query: NEAR/n needs a distance from 1 to " + std::to_string(kMaxNear) + " at character " +
                           std::to_string(char_position(s_, start)));
    }
    return {LexKind::Near, {}, {}, false, n, start};
  }

  Lexeme field(std::string name, std::string value, std::size_t start) {
    bool was_quoted = false;
    if (value.empty() && i_ < s_.size() && is_quote(peek(s_, i_))) {
      value = quoted();
      was_quoted = true;
    }
    if (value.empty())
      throw InvalidInput("query: '" + name + ":' needs a value at character " + std::to_string(char_position(s_, start)));
    return {LexKind::Field, std::move(value), std::move(name), was_quoted, 0, start};
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<Lexeme> lex(std::string_view text) { return Lexer(text).run(); }

bool is_field_name(std::string_view name) {
  for (std::string_view f : kFields)
    if (f == name) return true;
  return false;
}

std::size_t char_position(std::string_view text, std::size_t offset) {
  std::size_t chars = 1;
  for (std::size_t i = 0; i < text.size() && i < offset; ++chars) utf8::next(text, i);
  return chars;
}

}  // namespace rasd::query
