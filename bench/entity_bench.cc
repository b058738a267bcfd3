// Throughput of the analyzer with entities and dates (Extraction::Full) against the analyzer
// alone (Extraction::TokensOnly), same stemmer, on the <TEXT> bodies of the ANT corpus.
// Goal: Full within 1.5x the time of TokensOnly. Prints the median of RUNS rounds (default 3;
// env RASD_RUNS) of process CPU time, the two modes alternating within each round; env RASD_DOCS caps the documents.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "bench/ant_corpus.h"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Pass {
  double seconds = 0;
  std::size_t tokens = 0, entities = 0, dates = 0;
};

Pass run(const rasd::Analyzer& a, const std::vector<std::string>& docs, rasd::Extraction mode) {
  rasd::AnalyzeContext ctx;
  ctx.extraction = mode;
  ctx.published = "2018-06-01";  // as when indexing dated reports: relative dates resolve
  Pass p;
  timespec t0{}, t1{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);  // CPU time: the machine is shared
  for (const std::string& d : docs) {
    const rasd::Analysis r = a.analyze(d, ctx);
    p.tokens += r.tokens.size();
    p.entities += r.entities.size();
    p.dates += r.dates.size();
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  p.seconds = double(t1.tv_sec - t0.tv_sec) + double(t1.tv_nsec - t0.tv_nsec) / 1e9;
  return p;
}

}  // namespace

int main() {
  const int runs = std::getenv("RASD_RUNS") ? std::atoi(std::getenv("RASD_RUNS")) : 3;
  std::vector<std::string> docs = rasd::bench::load_ant_texts(false);
  if (const char* cap = std::getenv("RASD_DOCS")) docs.resize(std::min(docs.size(), std::size_t(std::atol(cap))));
  std::size_t bytes = 0;
  for (const std::string& d : docs) bytes += d.size();
  const rasd::Analyzer analyzer({rasd::StemmerKind::Light, ""});
  std::printf("ANT <TEXT> bodies: %zu documents, %.1f MB; %d rounds\n", docs.size(), bytes / 1e6, runs);
  run(analyzer, docs, rasd::Extraction::Full);  // warm-up: page in data, fill caches
  std::vector<double> tokens_only, full, ratio;
  Pass last_full;
  for (int r = 0; r < runs; ++r) {
    const bool full_first = r % 2 == 1;  // alternate, so neither mode always runs on a warm cache
    Pass a = full_first ? run(analyzer, docs, rasd::Extraction::Full) : run(analyzer, docs, rasd::Extraction::TokensOnly);
    Pass b = full_first ? run(analyzer, docs, rasd::Extraction::TokensOnly) : run(analyzer, docs, rasd::Extraction::Full);
    const Pass& t = full_first ? b : a;
    const Pass& f = full_first ? a : b;
    tokens_only.push_back(t.seconds);
    full.push_back(f.seconds);
    ratio.push_back(f.seconds / t.seconds);
    last_full = f;
    std::printf("round %d: tokens only %.2f s, full %.2f s, ratio %.2fx\n", r + 1, t.seconds, f.seconds,
                f.seconds / t.seconds);
  }
  std::printf("\n| mode | seconds (median) | MB/s |\n|---|---|---|\n");
  std::printf("| analyzer alone (TokensOnly) | %.2f | %.1f |\n", median(tokens_only), bytes / 1e6 / median(tokens_only));
  std::printf("| with entities and dates (Full) | %.2f | %.1f |\n", median(full), bytes / 1e6 / median(full));
  std::printf("\nratio Full / TokensOnly (median of per-round ratios): %.2fx (goal <= 1.5x)\n", median(ratio));
  std::printf("found: %zu entities, %zu dates in %zu tokens\n", last_full.entities, last_full.dates, last_full.tokens);
  return 0;
}
