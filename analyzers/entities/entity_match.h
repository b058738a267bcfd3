// Internal to the entity extractor: a candidate match over token indices, and the steps
// (gazetteer look-up, title patterns, last-name resolution) that produce them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/entities/gazetteer.h"
#include "analyzers/name_forms.h"
#include "analyzers/token.h"

namespace rasd::entity_match {

/// A run of tokens [first, last] that names something.
struct Match {
  std::uint32_t first = 0, last = 0;  // token indices, inclusive
  std::uint32_t entry = 0;            // gazetteer entry; unused for pattern persons
  NameKind kind = NameKind::Name;
  bool pattern_person = false;        // found by a title pattern, not in the gazetteer
  bool untitled = false;              // a pattern person found without a title before it
  bool triggered = false;             // an ambiguous name after a trigger word or in quotes
  std::size_t stripped = 0;           // bytes of proclitics on the first token
  int source = -1;                    // a last name alone: index of the full-name match
  std::string country;                // a ministry's country, from the text after it
};

/// What every step reads.
struct Context {
  const Gazetteer& gazetteer;
  std::string_view text;
  const std::vector<Token>& tokens;
  /// True when the text between tokens a and a+1 may sit inside a name.
  bool joined(std::size_t a) const;
};

/// Which entries a look-up may return.
enum class Only { Any, Countries, Organizations };

/// The longest gazetteer name starting at token i (its first word may carry proclitics).
std::optional<Match> longest_at(const Context& c, std::size_t i, Only only = Only::Any);
/// The same, with the first word's proclitic forms already computed.
std::optional<Match> longest_at(const Context& c, std::size_t i, const ProcliticForms& forms, Only only = Only::Any);

/// A person's name after a title (وزير الداخلية, الشيخ) starting at token i, if any.
std::optional<Match> title_person_at(const Context& c, std::size_t i);

/// A stable ascii slug of an Arabic name (for persons outside the gazetteer): "person-" and
/// the name's letters transliterated, or `prefix` and them.
std::string slug(std::string_view normalized_name, std::string_view prefix = "person-");

}  // namespace rasd::entity_match
