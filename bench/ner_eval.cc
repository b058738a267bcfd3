// Entity extraction against ANERcorp (../shared/corpora/anercorp/ANERCorp.txt): precision,
// recall and F1 per type with exact token spans, for the first 80 % of the file (where the
// gazetteers were tuned) and the last 20 % (held out) separately, and for countries alone.
// rasd types map to ANERcorp's: country + place -> LOC, org -> ORG, person -> PERS; nisba
// adjectives (المغربية) are not names and are left out; MISC is not scored. Location spans drop
// generic head nouns and epithets as ANERcorp's guideline does (دولة [قطر], [مكة] المكرمة), and
// organisation spans their head noun and a trailing nisba (حركة [حماس], [حزب الله] اللبناني).
// Usage: ner_eval [--errors N] [--tuning-only]  (--errors prints N false positives and misses per
// type of the first part; --tuning-only leaves the held-out part out, for use while tuning)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "bench/ant_corpus.h"

namespace {

struct GoldToken {
  std::string text, tag;  // tag: O, B-LOC, I-PERS ...
};

/// The file's lines as tokens, with its known quirks handled (see the corpus README): empty
/// tokens are dropped, a 3-field line keeps its first field, and the line that holds two
/// tokens (". Oالإصابة O") is split.
std::vector<GoldToken> read_anercorp(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s (set RASD_CORPORA)\n", path.c_str());
    std::exit(2);
  }
  std::vector<GoldToken> out;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream s(line);
    for (std::string w; s >> w;) f.push_back(w);
    if (f.size() < 2) continue;  // an empty token
    if (f.size() == 3 && f[1].size() > 1 && f[1][0] == 'O' && static_cast<unsigned char>(f[1][1]) >= 0x80) {
      out.push_back({f[0], "O"});
      out.push_back({f[1].substr(1), f[2]});
      continue;
    }
    out.push_back({f[0], f.back()});
  }
  return out;
}

struct Span {
  std::size_t first, last;
  std::string type;
  bool operator<(const Span& o) const { return std::tie(first, last, type) < std::tie(o.first, o.last, o.type); }
};

std::vector<Span> gold_spans(const std::vector<GoldToken>& t, std::size_t begin, std::size_t end) {
  std::vector<Span> out;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& tag = t[i].tag;
    if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I')) continue;
    const std::string type = tag.substr(2);
    const bool continues = tag[0] == 'I' && !out.empty() && out.back().last + 1 == i && out.back().type == type;
    if (continues) {
      out.back().last = i;
    } else {
      out.push_back({i, i, type});
    }
  }
  std::erase_if(out, [](const Span& s) { return s.type == "MISC"; });
  return out;
}

const char* ner_type(rasd::EntityType t) {
  switch (t) {
    case rasd::EntityType::Country:
    case rasd::EntityType::Place: return "LOC";
    case rasd::EntityType::Organization: return "ORG";
    case rasd::EntityType::Person: return "PERS";
  }
  return "LOC";
}

/// Predicted spans over gold tokens [begin, end): the text is analysed in chunks of about
/// 2,000 tokens ending at a full stop, as the file marks no document boundaries.
struct Predictions {
  std::vector<Span> spans;
  std::set<Span> untagged;   // ministries and armies: organisations ANERcorp leaves untagged
  std::set<Span> countries;  // the subset that are countries
};

/// ANERcorp's annotators leave ministries, armies and other organs of a state untagged or tag
/// them MISC (وزارة الخارجية O, الجيش O, البيت الأبيض MISC, اليونيفيل MISC): reported as a
/// second ORG row without them.
bool untagged_by_guideline(const rasd::EntityMention& e) {
  static const std::set<std::string> armies = {"idf", "us-army", "lb-army", "iraqi-army", "syrian-army",
                                               "egyptian-army", "saudi-army", "russian-army", "dz-anp", "far",
                                               "state-department", "pentagon", "dhs", "white-house", "unifil"};
  return e.type == rasd::EntityType::Organization && (e.id.rfind("ministry-", 0) == 0 || armies.count(e.id));
}

/// ANERcorp's guideline leaves generic head nouns and epithets outside a location's tag
/// (دولة [قطر], قطاع [غزة], محافظة [الأنبار], العاصمة الأردنية [عمان], [مكة] المكرمة): the
/// scored span drops them, as the gold does (in the tuning part: محافظة, ولاية, بلدة, قرية,
/// جزيرة, نهر, حي are outside the tag every time they come before one, the nisba after العاصمة
/// 9 times out of 9).
struct Alignment {
  std::set<std::string> heads, tails, org_heads, org_prefixes;
  explicit Alignment(const rasd::Analyzer& a) {
    for (const char* w : {"حركة", "قناة", "صحيفة", "جريدة", "وكالة", "تنظيم", "جماعة"}) org_heads.insert(a.normalize(w));
    for (const char* w : {"دولة", "مملكة", "جمهورية", "سلطنة", "إمارة", "قطاع", "مدينة", "منطقة", "إقليم", "مخيمات",
                          "مخيم", "العاصمة", "شمال", "جنوب", "شرق", "غرب", "وسط", "شبه جزيرة", "محافظة", "ولاية",
                          "بلدة", "قرية", "جزيرة", "نهر", "حي"})
      heads.insert(a.normalize(w));
    org_prefixes.insert(a.normalize("تنظيم"));
    for (const char* w : {"المكرمة", "المحتلة", "الشريف", "الإسلامية", "الشعبية"}) tails.insert(a.normalize(w));
  }
  /// True when the word alone is a country's nisba (اللبناني, الإيراني).
  static bool nisba(const rasd::Analyzer& a, const std::string& word) {
    const rasd::Analysis r = a.analyze(word);
    return r.entities.size() == 1 && r.entities[0].adjective;
  }
  /// The word without a leading و ف ب ل (the head noun may carry them: وقطاع غزة).
  static std::string bare(std::string w) {
    for (const char* p : {"\u0648", "\u0641"})
      if (w.rfind(p, 0) == 0 && w.size() > 4) w.erase(0, 2);
    for (const char* p : {"\u0628", "\u0644"})
      if (w.rfind(p, 0) == 0 && w.size() > 4) w.erase(0, 2);
    return w;
  }
  void apply(const rasd::Analyzer& a, const std::vector<GoldToken>& t, Span& s) const {
    const std::set<std::string>& h = s.type == "ORG" ? org_heads : heads;
    const std::size_t first = s.first;
    auto head = [&](const std::string& w) { return h.count(w) || h.count(bare(w)); };  // ولاية, وسط start with و
    while (s.first < s.last && head(a.normalize(t[s.first].text))) ++s.first;
    // العاصمة [الأردنية] عمان: the head's epithet stays outside too
    if (s.type == "LOC" && s.first > first && s.first < s.last && nisba(a, t[s.first].text)) ++s.first;
    if (s.type == "ORG") {  // حزب الله [اللبناني]: a trailing nisba stays outside the tag
      // [تنظيم القاعدة]: ANERcorp tags this trigger word with the name
      if (s.first > 0 && org_prefixes.count(bare(a.normalize(t[s.first - 1].text)))) --s.first;
      if (s.first < s.last && nisba(a, t[s.last].text)) --s.last;
      return;
    }
    while (s.first < s.last && tails.count(a.normalize(t[s.last].text))) --s.last;
  }
};

Predictions predict(const rasd::Analyzer& a, const std::vector<GoldToken>& t, std::size_t begin, std::size_t end) {
  const Alignment align(a);
  Predictions p;
  std::size_t i = begin;
  while (i < end) {
    std::size_t stop = std::min(end, i + 2000);
    while (stop < end && t[stop - 1].text != ".") ++stop;
    std::string text;
    std::vector<std::size_t> starts;  // byte offset of each gold token in `text`
    for (std::size_t k = i; k < stop; ++k) {
      starts.push_back(text.size());
      text += t[k].text;
      text += ' ';
    }
    auto token_at = [&](std::uint32_t byte) {
      return i + static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), byte) - starts.begin()) - 1;
    };
    for (const rasd::EntityMention& e : a.analyze(text).entities) {
      if (e.adjective) continue;
      Span s{token_at(e.start), token_at(e.end - 1), ner_type(e.type)};
      if (s.type != "PERS") align.apply(a, t, s);
      if (untagged_by_guideline(e)) p.untagged.insert(s);
      p.spans.push_back(s);
      if (e.type == rasd::EntityType::Country) p.countries.insert(s);
    }
    i = stop;
  }
  return p;
}

struct Score {
  std::size_t gold = 0, pred = 0, tp = 0;
};

void print_row(const char* name, const Score& s) {
  const double p = s.pred ? double(s.tp) / s.pred : 0, r = s.gold ? double(s.tp) / s.gold : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | %.3f |\n", name, s.gold, s.pred, s.tp, p, r, f);
}

std::string span_text(const std::vector<GoldToken>& t, const Span& s) {
  std::string out;
  for (std::size_t k = s.first; k <= s.last; ++k) out += (k == s.first ? "" : " ") + t[k].text;
  return out;
}

/// Three tokens either side of a span, inside the scored part, with their gold tags.
std::string context(const std::vector<GoldToken>& t, const Span& s, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t k = std::max(begin + 3, s.first) - 3; k < std::min(end, s.last + 4); ++k)
    out += (out.empty() ? "" : " ") + t[k].text + (t[k].tag == "O" ? "" : "/" + t[k].tag);
  return out;
}

void evaluate(const rasd::Analyzer& a, const std::vector<GoldToken>& t, std::size_t begin, std::size_t end,
              const char* title, int errors) {
  const std::vector<Span> gold = gold_spans(t, begin, end);
  const Predictions pred = predict(a, t, begin, end);
  const std::set<Span> gold_set(gold.begin(), gold.end());
  const std::set<Span> pred_set(pred.spans.begin(), pred.spans.end());
  std::map<std::string, Score> by_type;
  for (const Span& g : gold_set) ++by_type[g.type].gold;
  for (const Span& p : pred_set) {
    ++by_type[p.type].pred;
    if (gold_set.count(p)) ++by_type[p.type].tp;
  }
  // Countries alone: precision over rasd's country mentions; recall over gold LOC spans whose
  // text rasd names a country anywhere in the file part (an approximation of "gold countries").
  Score countries;
  std::set<std::string> country_texts;
  for (const Span& c : pred.countries) country_texts.insert(span_text(t, c));
  for (const Span& g : gold_set)
    if (g.type == "LOC" && country_texts.count(span_text(t, g))) ++countries.gold;
  for (const Span& c : pred.countries) {
    ++countries.pred;
    if (gold_set.count(c)) ++countries.tp;
  }
  Score all;
  for (const auto& [type, s] : by_type) {
    all.gold += s.gold;
    all.pred += s.pred;
    all.tp += s.tp;
  }
  std::printf("\n%s: gold tokens %zu-%zu\n\n| type | gold | predicted | correct | precision | recall | F1 |\n"
              "|---|---|---|---|---|---|---|\n", title, begin, end);
  Score org_guideline;
  for (const Span& g : gold_set) org_guideline.gold += g.type == "ORG";
  for (const Span& p : pred_set)
    if (p.type == "ORG" && !pred.untagged.count(p)) {
      ++org_guideline.pred;
      org_guideline.tp += gold_set.count(p);
    }
  for (const char* type : {"LOC", "ORG", "PERS"}) print_row(type, by_type[type]);
  print_row("ORG without ministries and armies", org_guideline);
  print_row("all", all);
  print_row("countries", countries);
  for (int shown = 0; const Span& p : pred_set)
    if (!gold_set.count(p) && shown++ < errors)
      std::printf("  false %s: %s (gold: %s) in: %s\n", p.type.c_str(), span_text(t, p).c_str(), t[p.first].tag.c_str(),
                  context(t, p, begin, end).c_str());
  for (int shown = 0; const Span& g : gold_set)
    if (!pred_set.count(g) && shown++ < errors)
      std::printf("  missed %s: %s in: %s\n", g.type.c_str(), span_text(t, g).c_str(), context(t, g, begin, end).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  int errors = 0;
  bool tuning_only = false;  // while tuning, the held-out part stays unseen, even its totals
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--errors" && i + 1 < argc) errors = std::atoi(argv[i + 1]);
    if (std::string(argv[i]) == "--tuning-only") tuning_only = true;
  }
  const std::string path = (rasd::bench::corpora_dir() / "anercorp" / "ANERCorp.txt").string();
  const std::vector<GoldToken> tokens = read_anercorp(path);
  const rasd::Analyzer analyzer({rasd::StemmerKind::None, ""});  // entities do not depend on stems
  const std::size_t cut = tokens.size() * 8 / 10;
  std::printf("ANERcorp: %zu tokens; first 80 %% (tuning) and last 20 %% (held out)\n", tokens.size());
  evaluate(analyzer, tokens, 0, cut, "first 80 % (tuning part)", errors);
  if (!tuning_only) evaluate(analyzer, tokens, cut, tokens.size(), "last 20 % (held out)", 0);
  return 0;
}
