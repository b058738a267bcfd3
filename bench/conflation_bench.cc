// Conflation pass rates of rasd `light`, Snowball (Xapian `arabic`, after rasd's normaliser and
// on the raw word) and Lucene's light10, side by side over fixtures/conflation.tsv.
//   conflation_bench [--suite FILE] [--failures light|snowball|snowball-raw|light10]
//                    [--dump-stats FILE]   (the built-in evidence the suite consults, for tests)
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>

#include <xapian.h>

#include "analyzers/embedded.h"
#include "analyzers/stem/stem_data.h"
#include "bench/light10.h"
#include "index/xapian_adapter.h"
#include "tests/analyzers/conflation_suite.h"

namespace {

// The built-in lexicon behind TermStats, remembering every form the stemmer asks about.
class RecordingStats : public rasd::TermStats {
 public:
  RecordingStats() : lexicon_(rasd::embedded_file("stem_lexicon.tsv")) {}
  std::uint32_t doc_freq(std::string_view norm) const override {
    const std::uint32_t df = lexicon_.doc_freq(norm);
    asked_[std::string(norm)] = df;
    return df;
  }
  std::uint32_t doc_count() const override { return lexicon_.doc_count(); }
  const std::map<std::string, std::uint32_t>& asked() const { return asked_; }

 private:
  rasd::stem::LexiconStats lexicon_;
  mutable std::map<std::string, std::uint32_t> asked_;
};

// Stem result of a whole (possibly multi-token) input through an analyzer.
rasd::StemResult analyze_stem(const rasd::Analyzer& a, const std::string& word, const rasd::TermStats* stats) {
  rasd::AnalyzeContext ctx;
  ctx.stats = stats;
  ctx.extraction = rasd::Extraction::TokensOnly;
  rasd::StemResult r;
  for (const rasd::Token& t : a.analyze(word, ctx).tokens) {
    r.stem += (r.stem.empty() ? "" : " ") + t.stem;
    r.alts.insert(r.alts.end(), t.alts.begin(), t.alts.end());
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string suite = "fixtures/conflation.tsv", failures_of, dump;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--suite") suite = argv[i + 1];
    else if (flag == "--failures") failures_of = argv[i + 1];
    else if (flag == "--dump-stats") dump = argv[i + 1];
  }
  const auto rows = rasd::conflation::load(suite);
  const auto light = rasd::make_analyzer({rasd::StemmerKind::Light, ""});
  const auto snowball = rasd::make_analyzer({rasd::StemmerKind::Snowball, ""});
  const Xapian::Stem raw_snowball("arabic");
  RecordingStats recording;

  struct Entry {
    const char* name;
    std::function<rasd::StemResult(const std::string&)> stem;
  };
  const Entry entries[] = {
      {"light", [&](const std::string& w) { return analyze_stem(*light, w, nullptr); }},
      {"light+stats", [&](const std::string& w) { return analyze_stem(*light, w, &recording); }},
      {"snowball", [&](const std::string& w) { return analyze_stem(*snowball, w, nullptr); }},
      {"snowball-raw", [&](const std::string& w) { return rasd::StemResult{raw_snowball(w), {}}; }},
      {"light10", [&](const std::string& w) { return rasd::StemResult{rasd::bench::light10::stem(w), {}}; }},
  };
  std::printf("conflation suite %s: %zu rows\n\n", suite.c_str(), rows.size());
  std::printf("| stemmer | overall | `=` rows | `≠` rows |\n|---|---|---|---|\n");
  for (const Entry& e : entries) {
    const auto s = rasd::conflation::score(rows, e.stem);
    std::printf("| %s | %.1f %% (%d/%d) | %.1f %% (%d/%d) | %.1f %% (%d/%d) |\n", e.name, s.overall(), s.ok(),
                s.total(), s.same_rate(), s.same_ok, s.same_total, s.diff_rate(), s.diff_ok, s.diff_total);
    if (failures_of == e.name)
      for (const std::string& f : s.failures) std::fprintf(stderr, "%s\n", f.c_str());
  }
  std::printf("\nlight: rasd light, built-in evidence; light+stats: the same evidence through TermStats;\n"
              "snowball: Xapian arabic after rasd normalisation; snowball-raw: on the raw word;\n"
              "light10: Lucene ArabicNormalizer + ArabicStemmer re-stated (bench/light10.h).\n");
  if (!dump.empty()) {
    std::ofstream out(dump);
    out << "# Document frequencies (ANT) of the forms the light stemmer consults on fixtures/conflation.tsv;\n"
           "# written by bench/conflation_bench --dump-stats. #docs is the corpus size.\n";
    out << "#docs\t" << recording.doc_count() << "\n";
    for (const auto& [w, df] : recording.asked())
      if (df > 0) out << w << '\t' << df << '\n';
  }
}
