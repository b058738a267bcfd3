// Short mentions of persons named in full: which short forms a document's persons lend, and
// where in the text they stand.
#include "analyzers/entities/last_names.h"

#include <algorithm>
#include <bitset>
#include <string_view>

#include "analyzers/name_forms.h"

namespace rasd::entity_match {
namespace {

/// One short form (its words, and the index of the full match that lends it); a short form two
/// persons of the document share names neither. The words point into the gazetteer or the
/// tokens, which outlive the list.
struct ShortName {
  std::vector<std::string_view> words;
  int source;
  bool clash = false;
};

bool same_person(const Context& c, const Match& a, const Match& b) {
  if (a.pattern_person != b.pattern_person) return false;
  if (!a.pattern_person) return a.entry == b.entry;
  if (a.last - a.first != b.last - b.first) return false;
  for (std::uint32_t k = 0; k <= a.last - a.first; ++k)
    if (c.tokens[a.first + k].norm != c.tokens[b.first + k].norm) return false;
  return true;
}

/// The short forms the document's persons lend, a handful per text.
class ShortNames {
 public:
  ShortNames(const Context& c, const std::vector<Match>& found) : c_(c), found_(found) {
    for (std::size_t f = 0; f < found.size(); ++f) lend(f);
    for (const ShortName& s : list_) first_words_.set(WordFilter::mix(s.words.front()) % first_words_.size());
  }

  bool empty() const { return list_.empty(); }
  /// True when a person found by a title pattern lends a form: then every token is a candidate.
  bool from_patterns() const { return from_patterns_; }

  /// The longest short form at token i, the least stripped form of its first word first.
  const ShortName* at(std::size_t i, const std::vector<bool>& covered) const {
    const std::string& word = c_.tokens[i].norm;
    if (!may_start(word)) return nullptr;
    const ProcliticForms forms(word);
    bool any = false;
    for (std::size_t f = 0; f < forms.size() && !any; ++f) any = first_words_.test(WordFilter::mix(forms[f]) % first_words_.size());
    if (!any) return nullptr;
    const ShortName* hit = nullptr;
    for (std::size_t f = 0; f < forms.size() && !hit; ++f)
      for (const ShortName& s : list_)
        if (s.words.front() == forms[f] && matches_at(s, i, covered) && (!hit || s.words.size() > hit->words.size())) hit = &s;
    return hit;
  }

 private:
  void lend(std::size_t f) {
    const Match& m = found_[f];
    if (m.pattern_person) {
      // an untitled name's last word is too often a word too (محمد حافظ ... وقد حافظ الجيش)
      if (m.untitled) return;
      from_patterns_ = true;
      const std::string& last = c_.tokens[m.last].norm;
      // a last word that is also a given name (أحمد سليم حمدان, نزار محمد) names too many people alone
      if (!c_.gazetteer.connectors().count(c_.tokens[m.last - 1].norm) && !c_.gazetteer.not_alone().count(last) &&
          !(c_.gazetteer.word_flags(last, WordFilter::mix(last)) & kGivenName))
        add({last}, static_cast<int>(f));
    } else if (c_.gazetteer.entries()[m.entry].type == EntityType::Person) {
      for (const std::vector<std::string>& s : c_.gazetteer.entries()[m.entry].short_names)
        add(std::vector<std::string_view>(s.begin(), s.end()), static_cast<int>(f));
    }
  }

  void add(std::vector<std::string_view> words, int source) {
    for (ShortName& s : list_)
      if (s.words == words) {
        s.clash = s.clash || !same_person(c_, found_[static_cast<std::size_t>(s.source)], found_[static_cast<std::size_t>(source)]);
        return;
      }
    list_.push_back({std::move(words), source});
  }

  /// Neither the word nor a form of it with proclitics off can start a short form when its
  /// filter bit is clear and it starts with no proclitic letter.
  bool may_start(std::string_view word) const {
    return first_words_.test(WordFilter::mix(word) % first_words_.size()) || starts_with(word, kWawUtf8) ||
           starts_with(word, kFehUtf8) || starts_with(word, kBehUtf8) || starts_with(word, kLamUtf8) ||
           starts_with(word, kKafUtf8);
  }

  bool matches_at(const ShortName& s, std::size_t i, const std::vector<bool>& covered) const {
    if (s.clash || i + s.words.size() > c_.tokens.size()) return false;
    for (std::size_t w = 1; w < s.words.size(); ++w)
      if (covered[i + w] || !c_.joined(i + w - 1) || c_.tokens[i + w].norm != s.words[w]) return false;
    return true;
  }

  const Context& c_;
  const std::vector<Match>& found_;
  std::vector<ShortName> list_;
  std::bitset<1024> first_words_;  // a per-document filter over the short forms' first words
  bool from_patterns_ = false;
};

}  // namespace

std::vector<Match> last_name_mentions(const Context& c, const std::vector<Match>& found,
                                      const std::vector<std::uint32_t>& gated) {
  const bool any_person = std::any_of(found.begin(), found.end(), [&](const Match& m) {
    return m.pattern_person || c.gazetteer.entries()[m.entry].type == EntityType::Person;
  });
  if (!any_person) return {};  // most texts: no list to build
  const ShortNames shorts(c, found);
  if (shorts.empty()) return {};
  std::vector<bool> covered(c.tokens.size(), false);
  for (const Match& m : found)
    for (std::uint32_t t = m.first; t <= m.last; ++t) covered[t] = true;
  std::vector<Match> out;
  const std::size_t n = shorts.from_patterns() ? c.tokens.size() : gated.size();
  std::size_t next_free = 0;  // tokens before it belong to a last name already found
  for (std::size_t g = 0; g < n; ++g) {
    const std::size_t i = shorts.from_patterns() ? g : gated[g];
    if (i < next_free || covered[i] || c.tokens[i].stop) continue;
    const ShortName* hit = shorts.at(i, covered);
    if (!hit) continue;
    Match m = found[static_cast<std::size_t>(hit->source)];
    m.first = static_cast<std::uint32_t>(i);
    m.last = static_cast<std::uint32_t>(i + hit->words.size() - 1);
    m.source = m.pattern_person ? hit->source : -1;
    next_free = m.last + 1;
    out.push_back(m);
  }
  return out;
}

namespace {

/// The token index of a mention's first and last tokens (tokens are sorted by position).
std::pair<std::size_t, std::size_t> token_range(const std::vector<Token>& tokens, const EntityMention& e) {
  auto at = [&](std::uint32_t pos) {
    return static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), pos,
                                                     [](const Token& t, std::uint32_t p) { return t.pos < p; }) -
                                    tokens.begin());
  };
  return {at(e.first_pos), at(e.last_pos)};
}

/// A full name's last word, when it may name the person alone (the rules lend() applies to
/// persons found by a title pattern), else empty.
std::string_view lent_last_name(const Gazetteer& g, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  if (last == first || g.connectors().count(tokens[last - 1].norm)) return {};
  const std::string& w = tokens[last].norm;
  if (g.not_alone().count(w) || (g.word_flags(w) & kGivenName)) return {};
  return w;
}

}  // namespace

void resolve_short_model_mentions(const Gazetteer& g, const std::vector<Token>& tokens,
                                  const std::vector<EntityMention>& mentions, std::vector<EntityMention>& model) {
  struct Lent {
    std::string_view word;
    const EntityMention* person;
    std::uint32_t start;
    bool clash;
  };
  std::vector<Lent> lent;  // a handful per text
  auto lend = [&](const EntityMention& e) {
    if (e.type != EntityType::Person) return;
    const auto [first, last] = token_range(tokens, e);
    const std::string_view w = lent_last_name(g, tokens, first, last);
    if (w.empty()) return;
    for (Lent& l : lent)
      if (l.word == w) {
        l.clash = l.clash || l.person->id != e.id;
        return;
      }
    lent.push_back({w, &e, e.start, false});
  };
  for (const EntityMention& e : mentions) lend(e);
  for (const EntityMention& e : model) lend(e);
  if (lent.empty()) return;
  for (EntityMention& e : model) {
    if (e.type != EntityType::Person || e.first_pos != e.last_pos) continue;
    const auto [first, last] = token_range(tokens, e);
    const ProcliticForms forms(tokens[first].norm);  // ولافروف: the short name with a proclitic
    for (const Lent& l : lent) {
      if (l.clash || l.start >= e.start) continue;
      bool same = false;
      for (std::size_t f = 0; f < forms.size() && !same; ++f) same = forms[f] == l.word;
      if (!same) continue;
      e.id = l.person->id;
      e.label_ar = l.person->label_ar;
      e.label_en = l.person->label_en;
      e.country = l.person->country;
      break;
    }
  }
}

}  // namespace rasd::entity_match
