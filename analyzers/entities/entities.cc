// Entity extraction (ARABIC.md §4): gazetteer names on normalised tokens, longest match from
// left to right, then ambiguous names kept only when confirmed, then last names alone.
#include "analyzers/entities/entities.h"

#include <algorithm>

#include "analyzers/entities/entity_context.h"
#include "analyzers/entities/entity_match.h"
#include "analyzers/entities/last_names.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/name_forms.h"

namespace rasd {
namespace {

using entity_match::Context;
using entity_match::Match;
using entity_match::Only;

constexpr std::string_view kFiUtf8 = "\u0641\u064A";  // في: in (وزارة الداخلية في المغرب)
constexpr std::string_view kYehUtf8 = "\u064A";          // ي: the masculine nisba ending

// Quotation marks around a lone ambiguous name make it a name (’القاعدة’).
bool quote_before(std::string_view text, std::size_t at) {
  for (std::string_view q : {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\"", "'"})
    if (at >= q.size() && text.substr(at - q.size(), q.size()) == q) return true;
  return false;
}
bool quote_after(std::string_view text, std::size_t at) {
  for (std::string_view q : {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\"", "'"})
    if (text.substr(at, q.size()) == q) return true;
  return false;
}

/// An ambiguous name counts after a trigger word (تنظيم القاعدة, وعناصر القاعدة) or in quotes.
bool triggered(const Context& c, const Match& m) {
  if (quote_before(c.text, c.tokens[m.first].start) && quote_after(c.text, c.tokens[m.last].end)) return true;
  if (m.first == 0 || !c.joined(m.first - 1)) return false;
  const ProcliticForms prev(c.tokens[m.first - 1].norm);
  for (std::size_t k = 0; k < prev.size(); ++k)
    if (c.gazetteer.triggers().count(prev[k])) return true;
  return false;
}

/// A masculine nisba right after a given name is a family name (محمد المصري), not a country.
bool family_name(const Context& c, const Match& m) {
  if (m.kind != NameKind::Adjective || m.first != m.last || m.first == 0 || !c.joined(m.first - 1)) return false;
  if (c.gazetteer.entries()[m.entry].type != EntityType::Country) return false;
  const std::string& word = c.tokens[m.first].norm;
  if (word.size() < 2 || word.substr(word.size() - 2) != kYehUtf8) return false;
  const std::string& prev = c.tokens[m.first - 1].norm;
  return c.gazetteer.given_names().count(prev) > 0 || c.gazetteer.person_parts().count(prev) > 0;
}

/// True when quotation marks enclose tokens [first, last], spaces allowed inside (« الشرق الأوسط »).
bool quoted(const Context& c, const Match& m) {
  std::size_t b = c.tokens[m.first].start, e = c.tokens[m.last].end;
  while (b > 0 && c.text[b - 1] == ' ') --b;
  if (b == 0) return false;
  // the last byte of every quotation mark quote_before() knows: “ ” ‘ ’ « » " '
  const auto last = static_cast<unsigned char>(c.text[b - 1]);
  if (last != 0x9C && last != 0x9D && last != 0x98 && last != 0x99 && last != 0xAB && last != 0xBB && last != '"' &&
      last != '\'')
    return false;
  while (e < c.text.size() && c.text[e] == ' ') ++e;
  return quote_before(c.text, b) && quote_after(c.text, e);
}

/// A place or country right after an organisation's head word (صحيفة القدس, دينامو موسكو,
/// فريق قطر) is part of that organisation's or team's name, not a place.
bool after_org_head(const Context& c, const Match& m) {
  if (m.first == 0 || !c.gazetteer.org_head_filter().may_contain_forms_of(c.tokens[m.first - 1].norm)) return false;
  if (!c.joined(m.first - 1)) return false;
  const ProcliticForms prev(c.tokens[m.first - 1].norm);
  for (std::size_t k = 0; k < prev.size(); ++k)
    if (c.gazetteer.org_heads().count(prev[k])) return true;
  return false;
}

/// True when the match sits inside a phrase where the place's name names no place (مسقط رأس).
/// Only the phrases holding the match's first word are tried: that word stands at position
/// k > 0 of a phrase as it is, or at position 0 with proclitics (ومسقط رأسه).
bool in_not_place_phrase(const Context& c, const Match& m) {
  if (!c.gazetteer.not_place_filter().may_contain_forms_of(c.tokens[m.first].norm)) return false;
  auto phrase_at = [&](std::uint32_t packed) {
    const std::vector<std::string>& phrase = c.gazetteer.not_places()[packed >> 8];
    const std::size_t k = packed & 0xFF;
    if (k > m.first) return false;
    const std::size_t start = m.first - k;
    if (start + phrase.size() <= m.last || start + phrase.size() > c.tokens.size()) return false;
    for (std::size_t j = 1; j < phrase.size(); ++j)
      if (!c.joined(start + j - 1) || c.tokens[start + j].norm != phrase[j]) return false;
    const ProcliticForms first(c.tokens[start].norm);
    for (std::size_t f = 0; f < first.size(); ++f)
      if (first[f] == phrase.front()) return true;
    return false;
  };
  const std::string& word = c.tokens[m.first].norm;
  for (std::uint32_t packed : c.gazetteer.not_place_positions(word))
    if ((packed & 0xFF) > 0 && phrase_at(packed)) return true;
  const ProcliticForms forms(word);
  for (std::size_t f = 0; f < forms.size(); ++f)
    for (std::uint32_t packed : c.gazetteer.not_place_positions(forms[f]))
      if ((packed & 0xFF) == 0 && phrase_at(packed)) return true;
  return false;
}

/// A country whose short name is also its feminine nisba (السعودية) is the adjective right
/// after a definite word (العائلة المالكة السعودية, المحادثات الإسرائيلية السعودية).
bool adjective_after_definite(const Context& c, const Match& m) {
  if (m.kind != NameKind::Name || m.first != m.last || m.stripped > 0 || m.first == 0) return false;
  const Token& prev = c.tokens[m.first - 1];
  if (prev.stop || !starts_with(prev.norm, kAlUtf8) || !c.joined(m.first - 1)) return false;
  if (c.gazetteer.entries()[m.entry].type != EntityType::Country) return false;
  const std::vector<std::uint32_t>* names = c.gazetteer.names_starting(c.tokens[m.first].norm);
  if (!names) return false;
  for (std::uint32_t n : *names)
    if (c.gazetteer.names()[n].kind == NameKind::Adjective && c.gazetteer.names()[n].tokens.size() == 1) return true;
  return false;
}

/// What a place name stands for in its context.
enum class PlaceRole { Place, OrgIfKnown, NotPlace };

/// A place after an organisation's head word names no place (the organisation of the same
/// name when the gazetteer has one); a quoted place name stays a place (quotes often mark
/// country names) unless the gazetteer knows an organisation of that name («الشرق الأوسط»,
/// the newspaper).
PlaceRole place_role(const Context& c, const Match& m) {
  const EntityType type = c.gazetteer.entries()[m.entry].type;
  if (m.kind == NameKind::Adjective || (type != EntityType::Country && type != EntityType::Place)) return PlaceRole::Place;
  if (after_org_head(c, m) || in_not_place_phrase(c, m) || entity_match::club_name(c, m) ||
      entity_match::opens_quoted_title(c, m))
    return PlaceRole::NotPlace;
  return quoted(c, m) ? PlaceRole::OrgIfKnown : PlaceRole::Place;
}

/// The organisation named by exactly the place's tokens, if the gazetteer has one.
std::optional<Match> org_of_same_span(const Context& c, const ProcliticForms& forms, const Match& place) {
  std::optional<Match> org = entity_match::longest_at(c, place.first, forms, Only::Organizations);
  if (!org || org->last != place.last) return std::nullopt;
  org->triggered = true;
  return org;
}

/// A ministry takes the country named right after it: a nisba (وزارة الداخلية المغربية),
/// في + name (وزارة الخارجية في المغرب) or ب/ل + name (وزارة الداخلية بالمغرب).
void extend_ministry(const Context& c, Match& m) {
  if (!c.gazetteer.entries()[m.entry].country_from_text) return;
  const std::size_t k = m.last + 1;
  if (k >= c.tokens.size() || !c.joined(m.last)) return;
  std::optional<Match> country;
  if (c.tokens[k].norm == kFiUtf8 && k + 1 < c.tokens.size() && c.joined(k)) {
    country = entity_match::longest_at(c, k + 1, Only::Countries);
    if (country && (country->kind != NameKind::Name || country->stripped > 0)) country.reset();
  } else {
    country = entity_match::longest_at(c, k, Only::Countries);
    if (country && !(country->kind == NameKind::Adjective || (country->kind == NameKind::Name && country->stripped > 0)))
      country.reset();
  }
  if (!country) return;
  m.last = country->last;
  m.country = c.gazetteer.entries()[country->entry].id;
}

/// Ambiguous names stay when triggered, or when the same entry is named plainly elsewhere in
/// the document (the text has made clear which القاعدة it means).
void drop_unconfirmed(std::vector<Match>& found) {
  auto unsure = [](const Match& m) { return !m.pattern_person && m.kind == NameKind::Ambiguous && !m.triggered; };
  if (std::none_of(found.begin(), found.end(), unsure)) return;  // most texts
  std::vector<std::uint32_t> confirmed;  // a few entries per text
  for (const Match& m : found)
    if (!m.pattern_person && (m.kind != NameKind::Ambiguous || m.triggered)) confirmed.push_back(m.entry);
  std::erase_if(found, [&](const Match& m) {
    return !m.pattern_person && m.kind == NameKind::Ambiguous &&
           std::find(confirmed.begin(), confirmed.end(), m.entry) == confirmed.end();
  });
}

/// True when a place cue (في, مدينة) or the preposition ب stands right before the match.
bool place_cued(const Context& c, const Match& m) {
  if (m.stripped > 0 && c.tokens[m.first].norm.substr(0, m.stripped).find(kBehUtf8) != std::string::npos) return true;
  if (m.first == 0 || !c.joined(m.first - 1)) return false;
  const ProcliticForms prev(c.tokens[m.first - 1].norm);
  for (std::size_t k = 0; k < prev.size(); ++k)
    if (c.gazetteer.word_flags(prev[k]) & kPlaceCue) return true;
  return false;
}

/// A one-word city may be a common word too (تدمر: destroys, عشاق: lovers, أبهر: dazzled): it
/// stays when it is well known (a capital), when a place cue stands before it here or at
/// another mention of it, when it is named twice, or when the text names its country.
void drop_unsupported_places(const Context& c, std::vector<Match>& found) {
  auto gated = [&](const Match& m) {
    const GazetteerEntry& e = c.gazetteer.entries()[m.entry];
    return !m.pattern_person && e.type == EntityType::Place && !e.well_known && m.first == m.last &&
           m.kind == NameKind::Name;
  };
  if (std::none_of(found.begin(), found.end(), gated)) return;  // most texts: no city to check
  std::vector<std::string_view> countries;                       // a handful per text
  std::vector<std::uint32_t> cued, seen;
  countries.reserve(found.size());  // one allocation each, not one per doubling
  cued.reserve(found.size());
  seen.reserve(found.size());
  auto has = [](const auto& list, const auto& x) { return std::find(list.begin(), list.end(), x) != list.end(); };
  for (const Match& m : found) {
    if (m.pattern_person) continue;
    const GazetteerEntry& e = c.gazetteer.entries()[m.entry];
    if (e.type == EntityType::Country && !has(countries, std::string_view(e.id))) countries.push_back(e.id);
    if (!gated(m)) continue;
    if (place_cued(c, m) || has(seen, m.entry)) cued.push_back(m.entry);
    seen.push_back(m.entry);
  }
  std::erase_if(found, [&](const Match& m) {
    if (!gated(m) || has(cued, m.entry)) return false;
    const std::string& country = c.gazetteer.entries()[m.entry].country;
    return !country.empty() && !has(countries, std::string_view(country));
  });
}

std::string span_text(const Context& c, const Match& m) {
  const std::uint32_t b = c.tokens[m.first].start, e = c.tokens[m.last].end;
  return std::string(c.text.substr(b, e - b));
}

EntityMention to_mention(const Context& c, const std::vector<Match>& found, const Match& m) {
  EntityMention out;
  out.start = c.tokens[m.first].start;
  out.end = c.tokens[m.last].end;
  out.first_pos = c.tokens[m.first].pos;
  out.last_pos = c.tokens[m.last].pos;
  if (m.pattern_person) {
    const Match& full = m.source >= 0 ? found[static_cast<std::size_t>(m.source)] : m;
    std::string norm;
    for (std::uint32_t t = full.first; t <= full.last; ++t) norm += (norm.empty() ? "" : " ") + c.tokens[t].norm;
    out.type = EntityType::Person;
    out.source = MentionSource::Pattern;
    out.id = entity_match::slug(norm);
    out.label_ar = span_text(c, full);
    out.label_en = out.id;
    return out;
  }
  const GazetteerEntry& e = c.gazetteer.entries()[m.entry];
  out.type = e.type;
  out.id = e.id;
  out.label_ar = e.label_ar;
  out.label_en = e.label_en;
  out.country = e.country;
  out.adjective = m.kind == NameKind::Adjective;
  if (!m.country.empty()) {  // a ministry of a named country
    for (const GazetteerEntry& country : c.gazetteer.entries())
      if (country.type == EntityType::Country && country.id == m.country) {
        out.label_ar += " (" + country.label_ar + ")";
        out.label_en += " (" + country.label_en + ")";
        break;
      }
    out.country = m.country;
    std::string lower = m.country;
    for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    out.id += "-" + lower;
  }
  return out;
}

}  // namespace

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

std::vector<EntityMention> EntityExtractor::extract(std::string_view text, const std::vector<Token>& tokens) const {
  const Context c{gazetteer_, text, tokens};
  std::vector<Match> found;
  std::vector<std::uint32_t> gated;  // tokens that may start a name (or a last name alone)
  found.reserve(tokens.size() / 16 + 4);  // about one mention in twenty words: few regrowths
  gated.reserve(tokens.size() / 4 + 4);   // about one word in seven passes the filter
  for (std::size_t i = 0; i < tokens.size();) {
    if (!gazetteer_.first_words().may_contain_forms_of(tokens[i].norm)) {
      ++i;  // most words start no name: skip the look-ups
      continue;
    }
    gated.push_back(static_cast<std::uint32_t>(i));
    const ProcliticForms forms(tokens[i].norm);
    std::optional<Match> m = entity_match::longest_at(c, i, forms);
    if (m && m->kind == NameKind::Ambiguous) m->triggered = triggered(c, *m);
    if (m && family_name(c, *m)) m.reset();
    if (m && adjective_after_definite(c, *m)) m->kind = NameKind::Adjective;
    if (m && (entity_match::after_demonstrative(c, *m) || entity_match::before_qualifier(c, *m) ||
              entity_match::common_word_place(c, *m) ||
              entity_match::after_given_name(c, *m)))
      m.reset();
    if (m && entity_match::in_office_title(c, *m)) {
      // وزير الخارجية: the office of the person named next; a nisba after the office's word
      // (وزيرة الخارجية الأمريكية) is still read and names the country
      i = m->first + 1;
      continue;
    }
    if (const PlaceRole role = m ? place_role(c, *m) : PlaceRole::Place; role != PlaceRole::Place) {
      std::optional<Match> org = org_of_same_span(c, forms, *m);
      if (org) {
        m = std::move(org);
      } else if (role == PlaceRole::NotPlace) {
        // its words belong to the organisation's name, and so does a club's nisba (قطر القطري)
        i = m->last + 1 + (entity_match::club_name(c, *m) ? 1 : 0);
        continue;
      }
    }
    if (!m) m = entity_match::title_person_at(c, i);
    if (!m) {
      ++i;
      continue;
    }
    extend_ministry(c, *m);
    i = m->last + 1;
    found.push_back(std::move(*m));
  }
  drop_unconfirmed(found);
  drop_unsupported_places(c, found);
  std::vector<Match> alone = entity_match::last_name_mentions(c, found, gated);
  // Both lists are in text order and never share a token: merged, the mentions come out sorted.
  std::vector<EntityMention> out;
  out.reserve(found.size() + alone.size());
  for (std::size_t f = 0, a = 0; f < found.size() || a < alone.size();) {
    const bool from_found = a == alone.size() || (f < found.size() && found[f].first < alone[a].first);
    out.push_back(to_mention(c, found, from_found ? found[f++] : alone[a++]));
  }
  return out;
}

}  // namespace rasd
