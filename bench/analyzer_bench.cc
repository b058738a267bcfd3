// Analyzer throughput, one thread, on the <TEXT> of every ANT article (85 MB): rasd's
// normalise + tokenize + stem (light, TokensOnly) against Xapian's TermGenerator + Snowball
// `arabic` (STEM_SOME, a throwaway Document per article, as the peers' bench and omindex do),
// measured in the same run. Prints the median of RUNS rounds (default 3; env RASD_RUNS).
//   analyzer_bench            (reads $RASD_CORPORA or ../shared/corpora)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "bench/ant_corpus.h"

namespace {

struct Pass {
  double seconds = 0;
  std::uint64_t tokens = 0;
};

template <class F>
Pass timed(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::uint64_t tokens = f();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), tokens};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  const int runs = std::getenv("RASD_RUNS") ? std::max(3, std::atoi(std::getenv("RASD_RUNS"))) : 3;
  const std::vector<std::string> docs = rasd::bench::load_ant_texts(false);
  std::uint64_t bytes = 0;
  for (const std::string& d : docs) bytes += d.size();
  std::printf("ANT <TEXT>: %zu articles, %.1f MB; %d rounds, single thread\n\n", docs.size(), bytes / 1e6, runs);

  const rasd::Analyzer light({rasd::StemmerKind::Light, ""});
  const rasd::Analyzer none({rasd::StemmerKind::None, ""});
  rasd::AnalyzeContext ctx;
  ctx.extraction = rasd::Extraction::TokensOnly;
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));

  struct Bench {
    const char* name;
    std::function<std::uint64_t()> run;
    std::vector<double> mbps, tps;
  };
  std::vector<Bench> benches = {
      {"rasd light (normalise + tokenize + stem)",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += light.analyze(d, ctx).tokens.size();
         return n;
       }, {}, {}},
      {"rasd none (normalise + tokenize, identity stem)",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += none.analyze(d, ctx).tokens.size();
         return n;
       }, {}, {}},
      {"rasd normalise + tokenize + stop flags only",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += light.tokenize(d).size();
         return n;
       }, {}, {}},
      {"Xapian TermGenerator + Snowball arabic (baseline)",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) {
           Xapian::Document doc;
           tg.set_document(doc);
           tg.set_termpos(0);
           tg.index_text(d);
           n += tg.get_termpos();
         }
         return n;
       }, {}, {}},
  };
  for (int r = 0; r < runs; ++r) {
    for (Bench& b : benches) {
      const Pass p = timed(b.run);
      b.mbps.push_back(bytes / 1e6 / p.seconds);
      b.tps.push_back(p.tokens / p.seconds);
      std::fprintf(stderr, "round %d  %-50s %7.2f MB/s  %5.2f s  %llu tokens\n", r + 1, b.name, b.mbps.back(),
                   p.seconds, static_cast<unsigned long long>(p.tokens));
    }
  }
  std::printf("| analyzer | MB/s (median) | tokens/s (median) |\n|---|---|---|\n");
  for (const Bench& b : benches) std::printf("| %s | %.1f | %.2f M |\n", b.name, median(b.mbps), median(b.tps) / 1e6);
  std::printf("\nratio rasd light / Xapian baseline: %.2fx\n", median(benches[0].mbps) / median(benches.back().mbps));
}
