// Entity extraction against ANERcorp (bench/anercorp.h): CoNLL exact-span precision, recall
// and F1 per type and over the three types (micro), with overlap precision and recall, on the
// test part (the last sixth of the file, CAMeL Lab's split), for rasd as it runs (gazetteer and
// recognizer) and for the gazetteer alone; then the precision of the mentions that carry a
// gazetteer id, organisations without the ministries and armies ANERcorp leaves untagged, and
// countries alone. The recognizer was trained on the first five sixths (tools/ner_train, which
// also cross-validates there); `--tuning` scores that part instead, for the gazetteer's rules.
// Usage: ner_eval [--tuning] [--no-model] [--errors N]   (--errors: N false and missed spans per
// type, with context, of the tuning part only)
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "bench/ant_corpus.h"
#include "bench/anercorp.h"

namespace {

using namespace rasd;
using namespace rasd::bench;

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

void row(const char* name, const Score& e, const Score& op, const Score& orr) {
  std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, e.gold, e.pred, e.tp, e.precision(),
              e.recall(), e.f1(), op.precision(), orr.recall());
}

/// Precision of a subset of the predictions, exact and overlapping (type-aware).
void subset_row(const char* name, const std::set<Span>& subset, const std::vector<Span>& gold) {
  Scores s = score(gold, std::vector<Span>(subset.begin(), subset.end()));
  const Score& e = s.exact["all"];
  std::printf("| %s | %zu | %zu | %.3f | %.3f |\n", name, e.pred, e.tp, e.precision(), s.overlap_p["all"].precision());
}

void evaluate(const Analyzer& a, const std::vector<GoldToken>& t, std::size_t begin, std::size_t end, const char* title,
              int errors) {
  const std::vector<Span> gold = gold_spans(t, begin, end);
  const Predictions pred = predict(a, t, chunks(t, begin, end));
  Scores s = score(gold, pred.spans);
  std::printf("\n%s: gold tokens %zu-%zu, analyzer %s\n\n| type | gold | predicted | correct | exact P | exact R | "
              "exact F1 | overlap P | overlap R |\n|---|---|---|---|---|---|---|---|---|\n",
              title, begin, end, a.name().c_str());
  for (const char* type : {"PERS", "LOC", "ORG", "all"}) row(type, s.exact[type], s.overlap_p[type], s.overlap_r[type]);
  std::vector<Span> org_guideline;
  for (const Span& p : pred.spans)
    if (!(p.type == "ORG" && pred.untagged.count(p))) org_guideline.push_back(p);
  Scores g = score(gold, org_guideline);
  row("ORG without ministries and armies", g.exact["ORG"], g.overlap_p["ORG"], g.overlap_r["ORG"]);
  std::printf("\n| subset | predicted | exact correct | exact P | overlap P |\n|---|---|---|---|---|\n");
  subset_row("gazetteer ids", pred.gazetteer, gold);
  subset_row("recognizer only", pred.model, gold);
  subset_row("countries", pred.countries, gold);
  const std::set<Span> gold_set(gold.begin(), gold.end()), pred_set(pred.spans.begin(), pred.spans.end());
  for (int shown = 0; const Span& p : pred_set)
    if (!gold_set.count(p) && shown++ < errors)
      std::printf("  false %s: %s (gold: %s) in: %s\n", p.type.c_str(), span_text(t, p).c_str(), t[p.first].tag.c_str(),
                  context(t, p, begin, end).c_str());
  for (int shown = 0; const Span& gs : gold_set)
    if (!pred_set.count(gs) && shown++ < errors)
      std::printf("  missed %s: %s in: %s\n", gs.type.c_str(), span_text(t, gs).c_str(), context(t, gs, begin, end).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  int errors = 0;
  bool tuning = false, no_model = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--errors" && i + 1 < argc) errors = std::atoi(argv[++i]);
    else if (a == "--tuning") tuning = true;
    else if (a == "--no-model") no_model = true;
    else {
      std::fprintf(stderr, "usage: ner_eval [--tuning] [--no-model] [--errors N]\n");
      return 2;
    }
  }
  const std::string path = (corpora_dir() / "anercorp" / "ANERCorp.txt").string();
  const std::vector<GoldToken> tokens = read_anercorp(path);
  const std::size_t cut = test_start(tokens);
  std::printf("ANERcorp: %zu tokens; first five sixths 0-%zu (training and tuning), last sixth %zu-%zu (test)\n",
              tokens.size(), cut, cut, tokens.size());
  const std::size_t begin = tuning ? 0 : cut, end = tuning ? cut : tokens.size();
  const char* part = tuning ? "first five sixths (training and tuning part)" : "last sixth (test part)";
  // entities do not depend on stems; the recognizer stems with its own light stemmer
  if (!no_model) {
    const Analyzer full({StemmerKind::None, "", Recognizer::Builtin});
    evaluate(full, tokens, begin, end, (std::string(part) + ", gazetteer and recognizer").c_str(), tuning ? errors : 0);
  }
  const Analyzer rules({StemmerKind::None, "", Recognizer::None});
  evaluate(rules, tokens, begin, end, (std::string(part) + ", gazetteer alone").c_str(), tuning ? errors : 0);
  return 0;
}
