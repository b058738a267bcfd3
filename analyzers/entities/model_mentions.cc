// The recognizer's mentions beside the gazetteer's (model_mentions.h).
#include "analyzers/entities/model_mentions.h"

#include <algorithm>
#include <bitset>
#include <unordered_set>

#include "analyzers/entities/entity_match.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/last_names.h"
#include "analyzers/name_forms.h"
#include "analyzers/utf8.h"

namespace rasd {
namespace {

constexpr std::size_t kMinLettersLeft = 2;
// A recognizer name is repeated where the text repeats it only when it was this sure of it.
constexpr float kRepeatConfidence = 0.5f;

std::size_t letters(std::string_view w) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size();) {
    utf8::next(w, i);
    ++n;
  }
  return n;
}

/// A name's first word without its proclitics: a definite chain (وال, بال, لل, ...) always
/// goes; a bare و ف ب ل ك only before a word the gazetteer lists as a given name or name part
/// (ومحمد) or that the same text writes alone (وحلبجة ... حلبجة), since many names start
/// with one of those letters (وليد, فيصل, بيروت).
/// The text's words, for the names whose first word may carry a bare proclitic: the set is
/// built on the first question only (most texts ask none).
class TextWords {
 public:
  explicit TextWords(const std::vector<Token>& tokens) : tokens_(tokens) {}
  bool count(std::string_view w) const {
    if (words_.empty())
      for (const Token& t : tokens_) words_.insert(t.norm);
    return words_.count(w) > 0;
  }

 private:
  const std::vector<Token>& tokens_;
  mutable std::unordered_set<std::string_view> words_;
};

struct FirstWord {
  std::string form;        // without proclitics, article kept (الفلوجة)
  std::size_t stripped = 0;  // normalised bytes of proclitics dropped
  bool lam_lam = false;    // لل: the form rebuilt the article's alef
};

FirstWord strip_first(const Gazetteer& g, std::string_view word, const TextWords& words) {
  const ProcliticForms forms(word);
  for (std::size_t f = forms.size(); f-- > 1;) {
    const std::string_view rest = forms[f];
    const bool definite = starts_with(rest, kAlUtf8) && letters(rest) >= kMinLettersLeft + 2;
    if (definite || (g.word_flags(rest) & (kGivenName | kPersonPart)) || (letters(rest) >= 3 && words.count(rest)))
      return {std::string(rest), forms.stripped(f), definite && !starts_with(word.substr(forms.stripped(f)), kAlUtf8)};
  }
  return {std::string(word), 0, false};
}

/// The key of the first word: without proclitics and article.
std::string first_word_key(const FirstWord& w) {
  std::string_view k = w.form;
  if (starts_with(k, kAlUtf8) && letters(k) >= kMinLettersLeft + 2) k.remove_prefix(kAlUtf8.size());
  return std::string(k);
}

/// The original text of the span without the first word's proclitics (the label): as many
/// letters are skipped in the original as the normalised form dropped, marks and tatweel not
/// counted; لل gets its article's alef back (للحركة -> الحركة).
std::string label_of(const FirstWord& w, std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last) {
  std::size_t drop = w.stripped / 2;  // proclitics are two-byte letters
  std::size_t b = tokens[first].start;
  const std::size_t e = tokens[last].end;
  for (std::size_t i = b; drop > 0 && i < e;) {
    const char32_t c = utf8::next(text, i);
    if ((c >= U'\u064B' && c <= U'\u065F') || c == U'\u0640') continue;  // a mark, tatweel
    --drop;
    b = i;
  }
  const std::string rest(text.substr(b, e - b));
  return w.lam_lam ? std::string(kAlUtf8.substr(0, 2)) + rest : rest;
}

/// The gazetteer entry named by exactly tokens [first, last] and of the span's type, if any.
std::optional<entity_match::Match> known_name(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
                                               const ner::Span& s) {
  const entity_match::Context c{g, text, tokens};
  std::optional<entity_match::Match> m = entity_match::longest_at(c, s.first);
  if (!m || m->last != s.last || m->kind == NameKind::Adjective) return std::nullopt;
  if (m->kind == NameKind::Ambiguous) return m;  // whatever its type: the caller leaves it out
  const EntityType t = g.entries()[m->entry].type;
  const bool place = t == EntityType::Place || t == EntityType::Country;
  if (t != s.type && !(s.type == EntityType::Place && place)) return std::nullopt;
  return m;
}

const char* id_prefix(EntityType t);

/// "person-", "org-" or "place-" and the name's key transliterated.
std::string id_of(const FirstWord& w, const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                  EntityType type) {
  std::string key = first_word_key(w);
  for (std::size_t t = first + 1; t <= last; ++t) key += " " + tokens[t].norm;
  return entity_match::slug(key, id_prefix(type));
}

const char* id_prefix(EntityType t) {
  switch (t) {
    case EntityType::Person: return "person-";
    case EntityType::Organization: return "org-";
    default: return "place-";
  }
}

EntityMention model_mention(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
                            const ner::Span& s, const TextWords& words) {
  EntityMention out;
  out.start = tokens[s.first].start;
  out.end = tokens[s.last].end;
  out.first_pos = tokens[s.first].pos;
  out.last_pos = tokens[s.last].pos;
  out.source = MentionSource::Model;
  out.confidence = s.confidence;
  out.type = s.type;
  if (const auto m = known_name(g, text, tokens, s)) {
    if (m->kind == NameKind::Ambiguous) {  // a common word too: the gazetteer's rules decided
      out.id.clear();
      return out;
    }
    const GazetteerEntry& e = g.entries()[m->entry];
    out.type = e.type;
    out.id = e.id;
    out.label_ar = e.label_ar;
    out.label_en = e.label_en;
    out.country = e.country;
    return out;
  }
  const FirstWord w = strip_first(g, tokens[s.first].norm, words);
  out.id = id_of(w, tokens, s.first, s.last, s.type);
  out.label_ar = label_of(w, text, tokens, s.first, s.last);
  return out;
}

/// A name the recognizer found once names the same thing where the text repeats it (the tagger
/// may miss a repetition in a weaker context): its words at tokens no mention covers, the
/// first with proclitics (وحماس), and a full person name's last word alone as
/// resolve_short_model_mentions() reads it. Names of one short word, stop words and given names
/// alone are not repeated.
void repeat_model_mentions(const Gazetteer& g, const std::vector<Token>& tokens, const std::vector<ner::Span>& spans,
                           std::vector<bool>& covered, std::vector<EntityMention>& added) {
  struct Form {
    std::vector<std::string_view> words;
    std::size_t source;
  };
  std::vector<Form> forms;
  auto repeatable = [&](std::string_view w) {
    return letters(w) >= 3 && !(g.word_flags(w) & (kGivenName | kConnector)) && !g.not_alone().count(w);
  };
  for (std::size_t a = 0; a < spans.size(); ++a) {
    const ner::Span& s = spans[a];
    if (s.confidence < kRepeatConfidence) continue;
    Form f{{}, a};
    for (std::uint32_t k = s.first; k <= s.last; ++k) f.words.push_back(tokens[k].norm);
    if (f.words.size() > 1 || (!tokens[s.first].stop && repeatable(f.words.front()))) forms.push_back(f);
    if (s.type == EntityType::Person && s.last > s.first && !g.connectors().count(tokens[s.last - 1].norm) &&
        repeatable(tokens[s.last].norm))
      forms.push_back({{tokens[s.last].norm}, a});
  }
  if (forms.empty()) return;
  std::bitset<1024> starts;  // the forms' first words: most tokens fail this before any compare
  for (const Form& f : forms) starts.set(WordFilter::mix(f.words.front()) % starts.size());
  const std::size_t before = added.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (covered[i] || tokens[i].stop) continue;
    const ProcliticForms first(tokens[i].norm);
    bool may = false;
    for (std::size_t k = 0; k < first.size() && !may; ++k) may = starts.test(WordFilter::mix(first[k]) % starts.size());
    if (!may) continue;
    const Form* hit = nullptr;
    for (const Form& f : forms) {
      if (i + f.words.size() > tokens.size() || (hit && hit->words.size() >= f.words.size())) continue;
      bool same = false;
      for (std::size_t k = 0; k < first.size() && !same; ++k) same = first[k] == f.words.front();
      for (std::size_t w = 1; w < f.words.size() && same; ++w) same = !covered[i + w] && tokens[i + w].norm == f.words[w];
      if (same) hit = &f;
    }
    if (!hit) continue;
    EntityMention m = added[hit->source];
    const std::size_t last = i + hit->words.size() - 1;
    m.start = tokens[i].start;
    m.end = tokens[last].end;
    m.first_pos = tokens[i].pos;
    m.last_pos = tokens[last].pos;
    added.push_back(std::move(m));
    for (std::size_t k = i; k <= last; ++k) covered[k] = true;
    i = last;
  }
  if (added.size() > before)
    std::sort(added.begin(), added.end(), [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
}

}  // namespace

std::string model_entity_id(const Gazetteer& g, EntityType type, const std::vector<Token>& tokens) {
  if (tokens.empty()) return {};
  const std::vector<Token> none;
  return id_of(strip_first(g, tokens.front().norm, TextWords(none)), tokens, 0, tokens.size() - 1, type);
}

std::vector<EntityMention> add_model_mentions(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
                                              std::vector<EntityMention> mentions, const std::vector<ner::Span>& spans) {
  if (spans.empty()) return mentions;
  std::vector<bool> covered(tokens.size(), false);
  std::size_t t = 0;
  for (const EntityMention& e : mentions) {
    while (t < tokens.size() && tokens[t].pos < e.first_pos) ++t;
    for (std::size_t k = t; k < tokens.size() && tokens[k].pos <= e.last_pos; ++k) covered[k] = true;
  }
  const TextWords words(tokens);  // for proclitics the text shows off (وحلبجة ... حلبجة)
  std::vector<EntityMention> added;
  std::vector<ner::Span> kept;
  for (ner::Span s : spans) {
    // a name never spans punctuation (السراديح (33 عاما, وموسى "استوفيا): the span ends there
    for (std::uint32_t k = s.first; k < s.last; ++k)
      if (!name_gap(text.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end))) {
        s.last = k;
        break;
      }
    bool free = true;
    for (std::uint32_t k = s.first; k <= s.last && free; ++k) free = !covered[k];
    if (!free) continue;
    EntityMention m = model_mention(g, text, tokens, s, words);
    if (m.id.empty()) continue;  // an ambiguous name the gazetteer's rules left out
    added.push_back(std::move(m));
    kept.push_back(s);
    for (std::uint32_t k = s.first; k <= s.last; ++k) covered[k] = true;
  }
  entity_match::resolve_short_model_mentions(g, tokens, mentions, added);
  repeat_model_mentions(g, tokens, kept, covered, added);
  std::vector<EntityMention> out;
  out.reserve(mentions.size() + added.size());
  std::merge(std::make_move_iterator(mentions.begin()), std::make_move_iterator(mentions.end()),
             std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()), std::back_inserter(out),
             [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
  return out;
}

}  // namespace rasd
