// Analyzer throughput, one thread, on the <TEXT> of every ANT article (85 MB): rasd's
// normalise + tokenize + stem (light, TokensOnly) against Xapian's TermGenerator + Snowball
// `arabic` (STEM_SOME, a throwaway Document per article, as the peers' bench and omindex do),
// measured in the same run. Prints medians of RUNS rounds (default 3; env RASD_RUNS) of thread
// CPU time (and wall time, which on a shared machine also counts waiting for a core).
//   analyzer_bench            (reads $RASD_CORPORA or ../shared/corpora)
#include <algorithm>
#include <chrono>
#include <ctime>
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
  double seconds = 0;  // thread CPU time
  std::uint64_t tokens = 0;
  double wall = 0;
};

// Thread CPU time: on a shared, oversubscribed machine wall time mostly measures the queue.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

template <class F>
Pass timed(F&& f) {
  const double c0 = cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  const std::uint64_t tokens = f();
  Pass p{cpu_seconds() - c0, tokens};
  p.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return p;
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
    std::vector<double> mbps, tps, wall_mbps;
  };
  std::vector<Bench> benches = {
      {"rasd light (normalise + tokenize + stem)",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += light.analyze(d, ctx).tokens.size();
         return n;
       }, {}, {}, {}},
      {"rasd none (normalise + tokenize, identity stem)",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += none.analyze(d, ctx).tokens.size();
         return n;
       }, {}, {}, {}},
      {"rasd normalise + tokenize + stop flags only",
       [&] {
         std::uint64_t n = 0;
         for (const std::string& d : docs) n += light.tokenize(d).size();
         return n;
       }, {}, {}, {}},
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
       }, {}, {}, {}},
  };
  for (int r = 0; r < runs; ++r) {
    for (Bench& b : benches) {
      const Pass p = timed(b.run);
      b.mbps.push_back(bytes / 1e6 / p.seconds);
      b.tps.push_back(p.tokens / p.seconds);
      b.wall_mbps.push_back(bytes / 1e6 / p.wall);
      std::fprintf(stderr, "round %d  %-50s %7.2f MB/s CPU  %7.2f MB/s wall  %llu tokens\n", r + 1, b.name,
                   b.mbps.back(), b.wall_mbps.back(), static_cast<unsigned long long>(p.tokens));
    }
  }
  std::printf("| analyzer | MB/s, CPU time (median) | tokens/s, CPU time (median) | MB/s, wall (median) |\n"
              "|---|---|---|---|\n");
  for (const Bench& b : benches)
    std::printf("| %s | %.1f | %.2f M | %.1f |\n", b.name, median(b.mbps), median(b.tps) / 1e6, median(b.wall_mbps));
  std::printf("\nratio rasd light / Xapian baseline (CPU time): %.2fx\n", median(benches[0].mbps) / median(benches.back().mbps));
}
