// Builds analyzers/data/stem_lexicon.tsv: document frequencies of normalised word forms in the
// ANT corpus, the evidence the light stemmer falls back on when an index has too few documents
// of its own. Usage: stem_lexicon_build MIN_DF > analyzers/data/stem_lexicon.tsv
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/analyzer.h"
#include "bench/ant_corpus.h"

int main(int argc, char** argv) {
  const unsigned min_df = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 5;
  const auto docs = rasd::bench::load_ant_texts(true);
  rasd::Analyzer analyzer({rasd::StemmerKind::None, ""});
  std::unordered_map<std::string, unsigned> df;
  for (const std::string& doc : docs) {
    std::unordered_set<std::string> seen;
    for (const rasd::Token& t : analyzer.tokenize(doc))
      if (seen.insert(t.norm).second) ++df[t.norm];
  }
  std::map<std::string, unsigned> kept;
  for (const auto& [w, n] : df)
    if (n >= min_df && static_cast<unsigned char>(w[0]) >= 0x80) kept.emplace(w, n);
  std::printf("#docs\t%zu\n", docs.size());
  for (const auto& [w, n] : kept) std::printf("%s\t%u\n", w.c_str(), n);
  std::fprintf(stderr, "%zu docs, %zu forms, %zu kept with df >= %u\n", docs.size(), df.size(), kept.size(), min_df);
}
