// Context checks of entity extraction: where a gazetteer name's words name something else.
#include "analyzers/entities/entity_context.h"

#include <string_view>

#include "analyzers/name_forms.h"

namespace rasd::entity_match {
namespace {

constexpr std::string_view kYehUtf8 = "\u064A";                  // ي: the masculine nisba ending
constexpr std::string_view kAbuUtf8 = "\u0627\u0628\u0648";      // ابو (أبو normalised): father of
constexpr std::string_view kIbnUtf8 = "\u0627\u0628\u0646";      // ابن: son of
constexpr std::string_view kBinUtf8 = "\u0628\u0646";            // بن: son of
constexpr std::size_t kMaxTitleWords = 4;                         // words of a quoted title after the place

/// True when a proclitic form of token i's word has one of the WordFlag bits `flags`.
bool forms_flagged(const Context& c, std::size_t i, std::uint16_t flags) {
  const ProcliticForms forms(c.tokens[i].norm);
  for (std::size_t f = 0; f < forms.size(); ++f)
    if (c.gazetteer.word_flags(forms[f]) & flags) return true;
  return false;
}

/// True when the previous token, joined to token i, has a proclitic form with one of `flags`.
bool after_word_in(const Context& c, std::size_t i, std::uint16_t flags) {
  return i > 0 && c.joined(i - 1) && forms_flagged(c, i - 1, flags);
}

/// True when `gap` (text between two words) holds a quotation mark.
bool has_quote(std::string_view gap) {
  // Most gaps are one space: no byte that starts a quotation mark (" ' or the lead bytes of
  // « » and “ ” ‘ ’) means no quote.
  if (gap.find_first_of("\"'\xC2\xE2") == std::string_view::npos) return false;
  for (std::string_view q : {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\"", "'"})
    if (gap.find(q) != std::string_view::npos) return true;
  return false;
}

/// The one-word name of the nisba `word` (ال + name + ي: الفاسي -> فاس), or empty.
std::string_view nisba_base(std::string_view word) {
  if (word.size() <= kAlUtf8.size() + 2 * kYehUtf8.size() || !starts_with(word, kAlUtf8)) return {};
  if (word.substr(word.size() - kYehUtf8.size()) != kYehUtf8) return {};
  return word.substr(kAlUtf8.size(), word.size() - kAlUtf8.size() - kYehUtf8.size());
}

/// True when a normalised word ends in ه (ة folds to it): the feminine of a noun or adjective.
bool feminine(std::string_view word) { return word.size() >= 2 && word.substr(word.size() - 2) == "\u0647"; }

bool is_place_or_country(const Context& c, const Match& m) {
  const EntityType t = c.gazetteer.entries()[m.entry].type;
  return !m.pattern_person && m.kind == NameKind::Name && (t == EntityType::Place || t == EntityType::Country);
}

}  // namespace

bool in_office_title(const Context& c, const Match& m) {
  if (m.pattern_person || c.gazetteer.entries()[m.entry].type != EntityType::Organization) return false;
  return after_word_in(c, m.first, kOffice);
}

bool after_demonstrative(const Context& c, const Match& m) {
  return !m.pattern_person && m.kind == NameKind::Ambiguous && after_word_in(c, m.first, kDemonstrative);
}

bool before_qualifier(const Context& c, const Match& m) {
  if (m.pattern_person || m.kind != NameKind::Ambiguous || m.last + 1 >= c.tokens.size() || !c.joined(m.last))
    return false;
  const std::string& next = c.tokens[m.last + 1].norm;
  if (!(c.gazetteer.word_flags(next) & kQualifier)) return false;
  // The adjective must agree with the name: in زعيم القاعدة الجديد the masculine الجديد
  // describes the leader, and al-Qaeda stays.
  return feminine(c.tokens[m.last].norm) == feminine(next);
}

bool club_name(const Context& c, const Match& m) {
  if (m.last + 1 >= c.tokens.size() || !is_place_or_country(c, m)) return false;
  const std::string& next = c.tokens[m.last + 1].norm;
  const std::string_view base = nisba_base(next);
  if (base.empty() || !c.joined(m.last)) return false;
  const Gazetteer& g = c.gazetteer;
  if (const std::vector<std::uint32_t>* own = g.names_starting(next))  // قطر القطري
    for (std::uint32_t n : *own)
      if (g.names()[n].kind == NameKind::Adjective && g.names()[n].tokens.size() == 1 && g.names()[n].entry == m.entry)
        return true;
  if (const std::vector<std::uint32_t>* city = g.names_starting(base))  // المغرب الفاسي
    for (std::uint32_t n : *city)
      if (g.names()[n].tokens.size() == 1 && g.names()[n].kind == NameKind::Name &&
          g.entries()[g.names()[n].entry].type == EntityType::Place)
        return true;
  return false;
}

bool opens_quoted_title(const Context& c, const Match& m) {
  if (!is_place_or_country(c, m) || m.first == 0) return false;
  // A quote after a word such as كتاب or صحيفة opens a title; after other words it may open
  // quoted speech (قال " العراق يتطلع ...) or close an earlier quote.
  const std::size_t prev_end = c.tokens[m.first - 1].end;
  const std::string_view before = c.text.substr(prev_end, c.tokens[m.first].start - prev_end);
  if (before.empty() || before == " " || !has_quote(before)) return false;  // the usual gap: no quote
  if (!forms_flagged(c, m.first - 1, kWork | kOrgHead)) return false;
  for (std::size_t t = m.last; t + 1 < c.tokens.size() && t <= m.last + kMaxTitleWords; ++t) {
    const std::string_view gap = c.text.substr(c.tokens[t].end, c.tokens[t + 1].start - c.tokens[t].end);
    if (has_quote(gap)) return true;    // the quote closes: the title is the quoted words
    if (!name_gap(gap)) return false;   // punctuation before any closing quote
  }
  return false;
}

bool after_given_name(const Context& c, const Match& m) {
  if (!is_place_or_country(c, m) || m.first != m.last || m.first == 0) return false;
  const GazetteerEntry& e = c.gazetteer.entries()[m.entry];
  if (e.type != EntityType::Place || e.well_known || !c.joined(m.first - 1)) return false;
  const Token& prev = c.tokens[m.first - 1];
  if (prev.stop) return false;  // على normalises to the given name علي
  if (prev.norm == kAbuUtf8 || prev.norm == kIbnUtf8 || prev.norm == kBinUtf8) return true;
  return (c.gazetteer.word_flags(prev.norm, WordFilter::mix(prev.norm)) & kGivenName) != 0;
}

bool common_word_place(const Context& c, const Match& m) {
  if (!is_place_or_country(c, m) || m.first != m.last) return false;
  if (c.gazetteer.entries()[m.entry].type != EntityType::Place) return false;
  const std::string_view word = c.tokens[m.first].norm;  // باكرا (early) holds ب + أكرا (Accra)
  return ((c.gazetteer.word_flags(word) | c.gazetteer.word_flags(word.substr(m.stripped))) & kCommonWord) != 0;
}

}  // namespace rasd::entity_match
