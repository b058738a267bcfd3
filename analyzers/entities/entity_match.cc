// The look-up steps of entity extraction: gazetteer names, title patterns, last names alone.
#include "analyzers/entities/entity_match.h"


#include "analyzers/name_forms.h"
#include "analyzers/utf8.h"

namespace rasd::entity_match {
namespace {

// Longest first; then a plain name over an adjective over an ambiguous word; then the form
// with fewer proclitics stripped; then organisations, persons, countries, places; then file order.
int type_rank(EntityType t) {
  switch (t) {
    case EntityType::Organization: return 0;
    case EntityType::Person: return 1;
    case EntityType::Country: return 2;
    case EntityType::Place: return 3;
  }
  return 4;
}

bool better(const Gazetteer& g, const Match& a, std::uint32_t a_name, const Match& b, std::uint32_t b_name) {
  if (a.last != b.last) return a.last > b.last;
  if (a.kind != b.kind) return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  if (a.stripped != b.stripped) return a.stripped < b.stripped;
  const int ta = type_rank(g.entries()[a.entry].type), tb = type_rank(g.entries()[b.entry].type);
  if (ta != tb) return ta < tb;
  return a_name < b_name;
}

/// True when tokens i+1.. continue `name` (whose first word already matched).
bool rest_matches(const Context& c, std::size_t i, const GazetteerName& name) {
  if (i + name.tokens.size() > c.tokens.size()) return false;
  for (std::size_t k = 1; k < name.tokens.size(); ++k)  // words first: cheaper than the gaps
    if (c.tokens[i + k].norm != name.tokens[k]) return false;
  for (std::size_t k = 1; k < name.tokens.size(); ++k)
    if (!c.joined(i + k - 1)) return false;
  return true;
}

/// True when a title (وزير الداخلية, الشيخ) ends at token p, its first word with proclitics;
/// the caller has checked that a title ends with the word (kTitleLast).
bool title_ends_at(const Context& c, std::size_t p) {
  const std::vector<std::uint32_t>* titles = c.gazetteer.titles_ending(c.tokens[p].norm);
  if (!titles) return false;
  for (std::uint32_t t : *titles) {
    const std::vector<std::string>& title = c.gazetteer.titles()[t];
    if (title.size() > p + 1) continue;
    const std::size_t first = p + 1 - title.size();
    bool ok = true;
    for (std::size_t k = 1; k < title.size() && ok; ++k)
      ok = c.joined(first + k - 1) && c.tokens[first + k].norm == title[k];
    if (!ok) continue;
    const ProcliticForms forms(c.tokens[first].norm);
    for (std::size_t f = 0; f < forms.size(); ++f)
      if (forms[f] == title.front()) return true;
  }
  return false;
}

/// A title before token j, possibly followed by country adjectives (الرئيس الأمريكي ...).
bool title_before(const Context& c, std::size_t j) {
  std::size_t p = j;
  for (int skipped = 0; p > 0 && skipped < 3; ++skipped) {
    --p;
    if (!c.joined(p)) return false;
    const std::string& w = c.tokens[p].norm;
    const std::uint16_t flags = c.gazetteer.word_flags(w, WordFilter::mix(w));
    if ((flags & kTitleLast) && title_ends_at(c, p)) return true;
    if (!(flags & kCountryAdjective)) return false;
  }
  return false;
}

/// A word that may continue a person's name: a given name, a known name part, or a family
/// nisba with the article (الظاهري) that is not a country's.
bool name_part(const Context& c, std::string_view w) {
  const std::uint16_t flags = c.gazetteer.word_flags(w, WordFilter::mix(w));
  if (flags & (kGivenName | kPersonPart)) return true;
  return w.size() > 6 && starts_with(w, kAlUtf8) && w.substr(w.size() - 2) == "\u064A" && !(flags & kCountryAdjective);
}

}  // namespace

bool Context::joined(std::size_t a) const {
  if (a + 1 >= tokens.size()) return false;
  return name_gap(text.substr(tokens[a].end, tokens[a + 1].start - tokens[a].end));
}

namespace {
/// An organisation's one-word name of up to four letters (an acronym: ارنا, IRNA) under a
/// stripped ف: a word that starts with ف and ends in such a name is mostly a word of its own
/// (فارنا: Varna). Places and countries keep it (فحلب, فمصر: so Aleppo, so Egypt).
constexpr std::size_t kShortNameBytes = 8;
bool short_name_after_feh(const Gazetteer& g, std::string_view word, const ProcliticForms& forms, std::size_t f,
                          const GazetteerName& name) {
  return forms.stripped(f) > 0 && name.tokens.size() == 1 && forms[f].size() <= kShortNameBytes &&
         starts_with(word, kFehUtf8) && g.entries()[name.entry].type == EntityType::Organization;
}
}  // namespace

std::optional<Match> longest_at(const Context& c, std::size_t i, Only only) {
  const ProcliticForms forms(c.tokens[i].norm);
  return longest_at(c, i, forms, only);
}

std::optional<Match> longest_at(const Context& c, std::size_t i, const ProcliticForms& forms, Only only) {
  const Gazetteer& g = c.gazetteer;
  // The best candidate so far, kept as plain fields: the loop runs for about a fifth of all
  // words, and most candidates fail on their second word's hash.
  std::optional<Match> best;
  std::uint32_t best_name = 0;
  std::uint64_t next_hash = 0;
  bool next_hashed = false;
  for (std::size_t f = 0; f < forms.size(); ++f) {
    const std::uint64_t h = WordFilter::mix(forms[f]);
    if (!g.first_words().may_contain_hash(h)) continue;
    for (const NameCandidate& cand : g.candidates(forms[f], h)) {
      if (i + cand.size > c.tokens.size()) continue;
      if (best && i + cand.size - 1 < best->last) continue;  // cannot beat a longer match
      if (cand.size > 1) {
        if (!next_hashed) {
          next_hash = WordFilter::mix(c.tokens[i + 1].norm);
          next_hashed = true;
        }
        if (cand.second_hash != next_hash) continue;
      }
      const GazetteerName& name = g.names()[cand.name];
      if (only != Only::Any) {  // the entry is only read when asked: this loop is hot
        const EntityType type = g.entries()[name.entry].type;
        if (type != (only == Only::Countries ? EntityType::Country : EntityType::Organization)) continue;
      }
      if (!rest_matches(c, i, name)) continue;
      if (short_name_after_feh(g, c.tokens[i].norm, forms, f, name)) continue;
      Match m;
      m.first = static_cast<std::uint32_t>(i);
      m.last = static_cast<std::uint32_t>(i + name.tokens.size() - 1);
      m.entry = name.entry;
      m.kind = name.kind;
      m.stripped = forms.stripped(f);
      if (!best || better(g, m, cand.name, *best, best_name)) {
        best = std::move(m);
        best_name = cand.name;
      }
    }
  }
  return best;
}

namespace {
// Given names that are far more often words: باسم (on behalf of), صباح (morning).
constexpr std::string_view kBismUtf8 = "\u0628\u0627\u0633\u0645";
constexpr std::string_view kSabahUtf8 = "\u0635\u0628\u0627\u062D";

/// Without a title, a given name starts a person's name only when a second given name or a
/// known name part follows it (محمد حسين, فؤاد السنيورة): a given name alone is often a word.
bool untitled_name_follows(const Context& c, std::size_t i) {
  if (c.tokens[i].norm == kBismUtf8 || c.tokens[i].norm == kSabahUtf8) return false;  // المتحدث باسم أردوغان
  if (i + 1 >= c.tokens.size() || !c.joined(i) || c.tokens[i + 1].stop) return false;
  const std::string& w = c.tokens[i + 1].norm;
  if (c.gazetteer.not_alone().count(w)) return false;  // أحمد الله: I thank God
  return (c.gazetteer.word_flags(w, WordFilter::mix(w)) & (kGivenName | kPersonPart)) != 0;
}

/// An untitled name must visibly end: at punctuation, the end of the text, or a stop word. An
/// unknown word after it may be more of the name (سعد بن أبي [وقاص]).
bool name_ends_at(const Context& c, std::size_t last) {
  return last + 1 >= c.tokens.size() || !c.joined(last) || c.tokens[last + 1].stop;
}
}  // namespace

std::optional<Match> title_person_at(const Context& c, std::size_t i) {
  const Gazetteer& g = c.gazetteer;
  const std::string& first = c.tokens[i].norm;
  const std::uint64_t h = WordFilter::mix(first);
  if (!g.name_starters().may_contain_hash(h)) return std::nullopt;
  const std::uint16_t flags = g.word_flags(first, h);
  const bool connector = (flags & kConnector) != 0;
  if (!connector && !(flags & kGivenName)) return std::nullopt;
  const bool titled = title_before(c, i);
  if (!titled && (connector || c.tokens[i].stop || !untitled_name_follows(c, i))) return std::nullopt;
  std::size_t last = i;
  if (connector) {  // عبد الله, أبو بكر: the connector needs its word
    if (!c.joined(last)) return std::nullopt;
    ++last;
  }
  constexpr std::size_t kMaxNameTokens = 6;
  while (last + 1 < c.tokens.size() && last + 1 - i < kMaxNameTokens && c.joined(last)) {
    const std::string& w = c.tokens[last + 1].norm;
    if (c.tokens[last + 1].stop) break;  // التي, الذي: never part of a name
    if ((g.word_flags(w, WordFilter::mix(w)) & kConnector) && last + 2 < c.tokens.size() && c.joined(last + 1)) {
      last += 2;
      // بن أبي وقاص: a connector taken as the connector's word needs a word of its own
      const std::string& taken = c.tokens[last].norm;
      if ((g.word_flags(taken, WordFilter::mix(taken)) & kConnector) && last + 1 < c.tokens.size() && c.joined(last) &&
          !c.tokens[last + 1].stop)
        ++last;
    } else if (name_part(c, w)) {
      ++last;
    } else {
      break;
    }
  }
  if (last == i || (connector && last == i + 1)) return std::nullopt;  // one word is no full name
  if (!titled && !name_ends_at(c, last)) return std::nullopt;
  Match m;
  m.first = static_cast<std::uint32_t>(i);
  m.last = static_cast<std::uint32_t>(last);
  m.pattern_person = true;
  m.untitled = !titled;
  return m;
}

std::string slug(std::string_view normalized_name, std::string_view prefix) {
  std::string out;
  std::size_t i = 0;
  while (i < normalized_name.size()) {
    const char32_t ch = utf8::next(normalized_name, i);
    std::string_view latin;
    switch (ch) {
      case U'\u0627': latin = "a"; break;
      case U'\u0628': latin = "b"; break;
      case U'\u062A': latin = "t"; break;
      case U'\u062B': latin = "th"; break;
      case U'\u062C': latin = "j"; break;
      case U'\u062D': latin = "h"; break;
      case U'\u062E': latin = "kh"; break;
      case U'\u062F': latin = "d"; break;
      case U'\u0630': latin = "dh"; break;
      case U'\u0631': latin = "r"; break;
      case U'\u0632': latin = "z"; break;
      case U'\u0633': latin = "s"; break;
      case U'\u0634': latin = "sh"; break;
      case U'\u0635': latin = "s"; break;
      case U'\u0636': latin = "d"; break;
      case U'\u0637': latin = "t"; break;
      case U'\u0638': latin = "z"; break;
      case U'\u0639': latin = "a"; break;
      case U'\u063A': latin = "gh"; break;
      case U'\u0641': latin = "f"; break;
      case U'\u0642': latin = "q"; break;
      case U'\u0643': latin = "k"; break;
      case U'\u0644': latin = "l"; break;
      case U'\u0645': latin = "m"; break;
      case U'\u0646': latin = "n"; break;
      case U'\u0647': latin = "h"; break;
      case U'\u0648': latin = "w"; break;
      case U'\u064A': latin = "y"; break;
      case U' ': latin = "-"; break;
      default:
        if ((ch >= U'a' && ch <= U'z') || (ch >= U'0' && ch <= U'9')) out += static_cast<char>(ch);
        break;
    }
    out += latin;
  }
  return std::string(prefix) + out;
}

}  // namespace rasd::entity_match
