// Splits a query string into the lexical units of rasd's query language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::query {

enum class LexKind { Word, Phrase, Wildcard, Field, LParen, RParen, Or, And, Not, Near, End };

/// One lexical unit with its byte offset in the query.
struct Lexeme {
  LexKind kind = LexKind::End;
  std::string text;            // Word/Phrase/Wildcard: the text; Field: the value
  std::string field;           // Field: lower-case name
  bool quoted = false;         // Field: the value was quoted
  std::uint32_t distance = 0;  // Near
  std::size_t offset = 0;
};

/// The lexemes of `text`, ending with one End. Throws InvalidInput on an unterminated quote.
std::vector<Lexeme> lex(std::string_view text);

/// Field names the parser recognises before a ':' (title, source, country, org, person, place, date).
bool is_field_name(std::string_view name);

/// 1-based character (code point) position of byte `offset` in `text`, for messages.
std::size_t char_position(std::string_view text, std::size_t offset);

}  // namespace rasd::query
