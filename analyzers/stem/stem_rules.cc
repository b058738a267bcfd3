// The light stemmer's rules (ARABIC.md §2). Order: protected names under every proclitic chain,
// definite chains, bare proclitics on evidence, then suffixes (pronoun, ta marbuta + pronoun,
// duals and plurals, nisba, final ه), re-checking names and broken plurals between steps.
// The canonical stem drops a final ه (ة), so مسلحة = مسلح and طائرة = طائرات.
#include "analyzers/stem/stem_rules.h"

#include <algorithm>
#include <array>

#include "analyzers/stem/stem_affixes.h"

namespace rasd::stem {
namespace {

std::size_t letters(std::string_view w) { return w.size() / kLetter; }
std::string_view drop_front(std::string_view w, std::string_view affix) { return w.substr(affix.size()); }
std::string_view drop_back(std::string_view w, std::string_view affix) { return w.substr(0, w.size() - affix.size()); }

// Every proclitic chain for the name look-up, shortest first so that للبنان finds لبنان.
struct Chain {
  std::string_view text;
  bool definite;
};
constexpr std::array<Chain, 23> kNameChains = {{
    {"و", false}, {"ف", false}, {"ب", false}, {"ل", false}, {"ك", false},
    {"ال", true}, {"لل", true}, {"وب", false}, {"ول", false}, {"وك", false}, {"فب", false},
    {"فل", false}, {"فك", false}, {"وال", true}, {"فال", true}, {"بال", true}, {"كال", true},
    {"ولل", true}, {"فلل", true}, {"وبال", true}, {"وكال", true}, {"فبال", true}, {"فكال", true},
}};

bool starts_with_proclitic_letter(std::string_view w) {
  for (std::string_view c : {"و", "ف", "ب", "ل", "ك"})
    if (w.starts_with(c)) return true;
  return false;
}

}  // namespace

// Only words made of 2-byte letters of the Arabic blocks (U+0600..U+06FF) are stemmed; Latin,
// digits and mixed tokens pass through unchanged.
bool is_arabic_word(std::string_view w) {
  if (w.size() < 2 * kLetter || w.size() % kLetter != 0) return false;
  for (std::size_t i = 0; i < w.size(); i += kLetter) {
    const auto lead = static_cast<unsigned char>(w[i]);
    const auto trail = static_cast<unsigned char>(w[i + 1]);
    if (lead < 0xD8 || lead > 0xDB || (trail & 0xC0) != 0x80) return false;
  }
  return true;
}

std::string_view StemRules::name(std::string_view w) const {
  if (!data_.filter.may_contain(w)) return {};
  const std::uint32_t i = data_.names.get(w);
  return i == WordMap::kAbsent ? std::string_view{} : data_.name_cores[i];
}
std::string_view StemRules::broken_singular(std::string_view w) const {
  if (!data_.filter.may_contain(w)) return {};
  const std::uint32_t i = data_.broken_plurals.get(w);
  return i == WordMap::kAbsent ? std::string_view{} : data_.singulars[i];
}

// Gazetteer first (ARABIC.md §2.1): the protected core under any proclitic chain, or empty.
std::string_view StemRules::protected_core(std::string_view w, const Evidence& ev) const {
  if (auto n = name(w); !n.empty()) return n;
  for (const Chain& c : kNameChains) {
    if (!w.starts_with(c.text) || letters(w) < letters(c.text) + 2) continue;
    const std::string_view rest = drop_front(w, c.text);
    if (auto n = name(rest); !n.empty()) {
      // A short name behind a bare letter (فعلي = ف + علي?) needs the word to lack ال.
      if (!c.definite && letters(rest) <= 3 && ev.takes_article(w)) continue;
      return n;
    }
  }
  return {};
}

// Bare proclitics و ف ب ل ك and pairs, leaving >= 3 letters, only on evidence.
std::string_view StemRules::strip_bare(std::string_view w, const Evidence& ev) const {
  if (letters(w) < kMinAfterBare + 1 || !starts_with_proclitic_letter(w)) return w;
  if (takes_article(w, ev)) return w;  // الوزير exists: the و of وزير is a root letter
  for (std::string_view c : kBareChains) {
    if (!w.starts_with(c) || letters(w) < letters(c) + kMinAfterBare) continue;
    // A pair only when its second letter is no root letter either (ولجنه is و + لجنه).
    if (c.size() > kLetter && takes_article(w.substr(kLetter), ev)) continue;
    const std::string_view rest = drop_front(w, c);
    if (ev.real_remainder(rest, w)) return rest;
  }
  return w;
}

// The definite-article test, also through a pronoun suffix, which never takes ال itself
// (وزارتها: الوزاره exists, so its و is radical).
bool StemRules::takes_article(std::string_view w, const Evidence& ev) const {
  if (ev.takes_article(w)) return true;
  for (std::string_view p : kPronouns) {
    if (!w.ends_with(p)) continue;
    if (letters(w) < letters(p) + kMinAfterPronoun) return false;
    const std::string_view base = drop_back(w, p);
    if (base.ends_with(kTeh))
      return ev.takes_article(Joined(drop_back(base, kTeh), kHeh).view());
    return ev.takes_article(base);
  }
  return false;
}

std::string StemRules::stem(std::string_view w, const Evidence& ev, std::vector<std::string>* alts) const {
  if (auto n = protected_core(w, ev); !n.empty()) return std::string(n);
  std::string_view core = w;
  std::string_view article_chain;
  for (std::string_view c : kDefiniteChains) {
    if (!w.starts_with(c) || letters(w) < letters(c) + kMinAfterArticle) continue;
    const std::string_view rest = drop_front(w, c);
    // والده: a short remainder behind و/ف/ب/ك + ال may be a word that takes ال itself.
    const bool plain = c == kArticle || c == "لل";
    if (!plain && letters(rest) <= 3 && ev.takes_article(w)) break;
    core = rest;
    article_chain = c;
    break;
  }
  if (article_chain.empty()) core = strip_bare(w, ev);
  if (alts) add_alternatives(core, ev, *alts);
  const std::string_view s = suffixes(core, ev);
  // الغاء, التزام: their ال is radical (الالغاء is attested); keep it in the stem.
  if (article_chain.ends_with(kArticle) && s.data() == core.data()) {
    // s starts right after the chain's ال, inside w.
    const std::string_view with_article(s.data() - kArticle.size(), s.size() + kArticle.size());
    if (data_.filter.may_contain(with_article) && data_.radical_article_stems.contains(with_article))
      return std::string(suffixes(with_article, ev));
  }
  return std::string(s);
}

// Suffix stripping with names and broken plurals checked between the steps.
std::string_view StemRules::suffixes(std::string_view s, const Evidence& ev) const {
  if (auto n = name(s); !n.empty()) return n;
  if (auto b = broken_singular(s); !b.empty()) return feminine_and_nisba(b, ev);
  bool pronoun = false;
  for (std::string_view p : kPronouns) {
    if (!s.ends_with(p)) continue;
    const bool heh = p == kHeh;
    const std::size_t left = letters(s) - letters(p);
    if (left < (heh ? kMinAfterHeh : kMinAfterPronoun)) break;
    const std::string_view rest = drop_back(s, p);
    if (!heh && left == kShortStemLetters && !ev.known(rest)) break;  // مساهم, تفاهم
    s = rest;
    pronoun = true;
    break;
  }
  if (pronoun) {
    // مدينتها: the ت is a ة before the pronoun when the ة-form is a noun seen with ال
    // (المدينه; not بيته, whose بيه is no such noun).
    if (s.ends_with(kTeh) && !s.ends_with(kFemininePlural) && letters(s) >= 3 &&
        ev.takes_article(Joined(drop_back(s, kTeh), kHeh).view()))
      s = drop_back(s, kTeh);
    if (auto n = name(s); !n.empty()) return n;
    if (auto b = broken_singular(s); !b.empty()) return feminine_and_nisba(b, ev);
  }
  s = plural(s, ev);
  if (auto n = name(s); !n.empty()) return n;
  return feminine_and_nisba(s, ev);
}

// One dual or plural ending.
std::string_view StemRules::plural(std::string_view s, const Evidence& ev) const {
  for (std::string_view d : kFeminineDuals) {
    if (s.ends_with(d) && letters(s) >= letters(d) + kMinAfterPlural) {
      const std::string_view rest = drop_back(s, d);
      if (ev.known_with(rest, kHeh)) return rest;  // طاءرتان: طاءره is a word
    }
  }
  if (s.ends_with(kFemininePlural)) {
    return letters(s) >= 2 + kMinAfterFemininePlural ? drop_back(s, kFemininePlural) : s;
  }
  // A sound plural alternates ون/ين (مسلحون, مسلحين) and a dual ين/ان (طرفين, طرفان);
  // قانون, تامين, تمرين have no such partner and keep their ending.
  for (std::size_t i = 0; i < kMasculinePlurals.size(); ++i) {
    const std::string_view p = kMasculinePlurals[i];
    if (!s.ends_with(p) || letters(s) < 2 + kMinAfterPlural) continue;
    const std::string_view rest = drop_back(s, p);
    // A nisba's plural (المدنيين, التركيين) needs no partner: يين/يون are nothing else.
    if (rest.ends_with(kYeh) && letters(rest) >= kMinAfterNisba + 1 && ev.known(rest)) return rest;
    // An imperfect verb's plural (يهاجمون, تقولون): the singular is itself a word.
    if (p == "ون" && (rest.starts_with(kYeh) || rest.starts_with(kTeh)) && letters(rest) >= 4 &&
        ev.df(rest) >= ev.min_df())
      return rest;
    const std::string_view partner = kMasculinePlurals[1 - i];
    const bool plural = ev.partner(rest, partner, s) || (p == "ين" && ev.partner(rest, kDualAn, s));
    return plural ? rest : s;
  }
  if (s.ends_with(kVerbPlural) && letters(s) >= 2 + kMinAfterPlural)
    return drop_back(s, kVerbPlural);
  if (s.ends_with(kDualAn) && letters(s) >= 2 + kMinAfterPlural) {
    // طيران stays (طير is rarer); مسلحان -> مسلح.
    const std::string_view rest = drop_back(s, kDualAn);
    const std::uint64_t bare = std::uint64_t{ev.df(rest)} + ev.df_with_article(rest);
    const std::uint64_t whole = std::uint64_t{ev.df(s)} + ev.df_with_article(s);
    const bool dual = bare >= ev.min_df() && (bare >= whole || ev.partner(rest, "ين", s));
    return dual ? rest : s;
  }
  return s;
}

// Nisba ي (with its guards), then the final ه of ة (the canonical stem has none).
std::string_view StemRules::feminine_and_nisba(std::string_view s, const Evidence&) const {
  if (s.ends_with(kHeh) && letters(s) >= 1 + kMinAfterHeh) {
    s = drop_back(s, kHeh);
    if (auto n = name(s); !n.empty()) return n;
  }
  if (s.ends_with(kYeh) && letters(s) >= 1 + kMinAfterNisba) {
    const std::string_view before = drop_back(s, kYeh);
    const bool blocked = std::any_of(kNisbaBlockers.begin(), kNisbaBlockers.end(),
                                     [&](std::string_view b) { return before.ends_with(b); });
    if (!blocked) s = before;
  }
  return s;
}

// Future س, Form X يست -> است, past feminine ت: extra stems at the same position.
void StemRules::add_alternatives(std::string_view core, const Evidence& ev, std::vector<std::string>& alts) const {
  auto add = [&](std::string_view form, std::string_view core_stem) {
    std::string s(suffixes(form, ev));
    if (s != core_stem && std::find(alts.begin(), alts.end(), s) == alts.end()) alts.push_back(std::move(s));
  };
  if (letters(core) < 4) return;
  const bool future = core.starts_with(kSeen) &&
                      std::any_of(kImperfectPrefixes.begin(), kImperfectPrefixes.end(),
                                  [&](std::string_view p) { return drop_front(core, kSeen).starts_with(p); });
  const bool form_x = core.starts_with(kFormXPresent) && letters(core) >= 5;
  const bool past_feminine = core.ends_with(kTeh) && !core.ends_with(kFemininePlural);
  if (!future && !form_x && !past_feminine) return;
  const std::string_view main_stem = suffixes(core, ev);
  if (future) {
    const std::string_view rest = drop_front(core, kSeen);
    if (ev.known(rest)) add(rest, main_stem);  // سيهاجم -> يهاجم, but not سياسه -> ياسه
  }
  if (form_x) {
    const Joined past(kFormXPast, core.substr(kFormXPresent.size()));
    add(past.view(), main_stem);
  }
  if (past_feminine) {
    const std::string_view rest = drop_back(core, kTeh);
    if (ev.known(rest) && !ev.takes_article(core)) add(rest, main_stem);  // قالت -> قال, not بيت
  }
}

}  // namespace rasd::stem
