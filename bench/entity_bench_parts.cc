// Where the extra time of Extraction::Full goes: the entity extractor and the date extractor,
// each timed as the extra CPU time over tokenizing alone (run per document right after its
// tokens, as Analyzer::analyze does), on the <TEXT> bodies of the ANT corpus. Medians of RUNS
// rounds (default 3; env RASD_RUNS); env RASD_DOCS caps the documents. entity_bench gives the
// end-to-end ratio these parts feed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dates/dates.h"
#include "analyzers/entities/entities.h"
#include "analyzers/entities/gazetteer.h"
#include "bench/ant_corpus.h"

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);  // CPU time: the machine is shared
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// One pass over the documents: tokenize each, then run the chosen extractors on it at once
/// (as Analyzer::analyze does, with the tokens still in cache).
struct Pass {
  bool entities = false, dates = false, digest = false;
};

}  // namespace

int main() {
  const int runs = std::getenv("RASD_RUNS") ? std::atoi(std::getenv("RASD_RUNS")) : 3;
  std::vector<std::string> docs = rasd::bench::load_ant_texts(false);
  if (const char* cap = std::getenv("RASD_DOCS")) docs.resize(std::min(docs.size(), std::size_t(std::atol(cap))));
  const rasd::Analyzer analyzer({rasd::StemmerKind::None, ""});
  const std::unique_ptr<rasd::Gazetteer> gazetteer = rasd::Gazetteer::load("");
  const rasd::EntityExtractor entities(*gazetteer);
  const rasd::DateExtractor dates;
  const std::optional<std::string> published = "2018-06-01";
  std::size_t n_tokens = 0, n_entities = 0, n_dates = 0;
  std::uint64_t digest = 0;  // of every mention found: a faster extractor must find the same
  auto mix = [&](std::string_view s) {
    for (const char ch : s) digest = (digest ^ static_cast<unsigned char>(ch)) * 0x100000001B3ULL;
    digest = (digest ^ 0xFF) * 0x100000001B3ULL;
  };
  auto mix_number = [&](std::uint32_t v) { digest = (digest ^ v) * 0x100000001B3ULL; };
  auto run = [&](Pass p) {
    n_tokens = n_entities = n_dates = 0;
    const double t0 = cpu_seconds();
    for (const std::string& d : docs) {
      const std::vector<rasd::Token> tokens = analyzer.tokenize(d);
      n_tokens += tokens.size();
      if (p.entities) {
        const std::vector<rasd::EntityMention> found = entities.extract(d, tokens);
        n_entities += found.size();
        if (p.digest)
          for (const rasd::EntityMention& e : found) {
            mix(e.id), mix(e.label_ar), mix(e.label_en), mix(e.country), mix(rasd::to_string(e.type));
            mix(e.adjective ? "a" : "n"), mix_number(e.start), mix_number(e.end);
          }
      }
      if (p.dates) {
        const std::vector<rasd::DateMention> found = dates.extract(d, tokens, published);
        n_dates += found.size();
        if (p.digest)
          for (const rasd::DateMention& m : found)
            mix(m.value), mix(rasd::to_string(m.precision)), mix_number(m.start), mix_number(m.end);
      }
    }
    return cpu_seconds() - t0;
  };
  run({true, true});  // warm-up
  std::vector<double> base_s, ent_s, date_s;
  for (int r = 0; r < runs; ++r) {
    const double base = run({false, false}), ent = run({true, false}), date = run({false, true});
    base_s.push_back(base);
    ent_s.push_back(ent - base);
    date_s.push_back(date - base);
    std::printf("round %d: tokenize %.3f s, + entities %.3f s, + dates %.3f s\n", r + 1, base, ent - base, date - base);
  }
  run({true, true, true});
  const double e = median(ent_s), d = median(date_s);
  std::printf("\n%zu documents, %zu tokens; medians of %d rounds (extra CPU time over tokenizing alone)\n", docs.size(),
              n_tokens, runs);
  std::printf("tokenize: %.3f s\n", median(base_s));
  std::printf("entities: %.3f s (%.1f ns/token), %zu mentions\n", e, e * 1e9 / double(n_tokens), n_entities);
  std::printf("dates:    %.3f s (%.1f ns/token), %zu mentions\n", d, d * 1e9 / double(n_tokens), n_dates);
  std::printf("digest of every mention: %016llx\n", static_cast<unsigned long long>(digest));
  return 0;
}
