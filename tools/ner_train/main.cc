// ner_train: trains the mention recognizer from ../shared/corpora and writes
// analyzers/data/ner_model.bin. ANERcorp's first five sixths are the training part (the last
// sixth, CAMeL Lab's test part, is never read here); word clusters come from unlabelled news
// (ANT, SaudiNewsNet) and the training part's text. Deterministic: the same corpora and options
// give the same file.
//
//   build/ner_train [--cv 5] [--C 0.3] [--min-count 2] [--prune 0.002] [--work DIR] [--out FILE]
//
// --cv K scores K contiguous folds of the training part (train on K-1, tag the other with the
// whole analyzer, gazetteer and recognizer together) with bench/ner_eval's scoring, pooled; the
// model is then trained on the whole part and written unless --no-write. The clusters are cached
// in --work (default build/ner-work): delete the folder to learn them again.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/ner/features.h"
#include "analyzers/stem/light_stemmer.h"
#include "bench/anercorp.h"
#include "tools/ner_train/clusters.h"
#include "tools/ner_train/train.h"

namespace {

namespace fs = std::filesystem;
using namespace rasd;
using namespace rasd::ner_train;

struct Options {
  fs::path corpora = std::getenv("RASD_CORPORA") ? std::getenv("RASD_CORPORA") : "../shared/corpora";
  fs::path work = "build/ner-work";
  fs::path out = "analyzers/data/ner_model.bin";
  int cv = 0;
  int errors = 0;  // --errors N: N false and missed spans of the folds, with context
  bool write = true;
  bool use_clusters = true;  // --no-clusters: without word clusters (to measure what they bring)
  TrainOptions train;
  ClusterOptions clusters;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "ner_train: %s\nusage: ner_train [--cv K] [--C X] [--min-count N] [--prune X] [--transition X] [--o-penalty X] [--min-confidence X] [--work DIR] "
                       "[--out FILE] [--no-write] [--no-clusters] [--corpora DIR]\n", why);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value after " + a).c_str());
      return argv[++i];
    };
    try {
      if (a == "--cv") o.cv = std::stoi(value());
      else if (a == "--C") o.train.C = std::stod(value());
      else if (a == "--min-count") o.train.min_count = std::stoi(value());
      else if (a == "--prune") o.train.prune = std::stod(value());
      else if (a == "--transition") o.train.transition = std::stod(value());
      else if (a == "--o-penalty") o.train.o_penalty = std::stod(value());
      else if (a == "--min-confidence") o.train.min_confidence = std::stod(value());
      else if (a == "--work") o.work = value();
      else if (a == "--out") o.out = value();
      else if (a == "--corpora") o.corpora = value();
      else if (a == "--no-write") o.write = false;
      else if (a == "--errors") o.errors = std::stoi(value());
      else if (a == "--no-clusters") o.use_clusters = false;
      else usage(("unknown option " + a).c_str());
    } catch (const std::logic_error&) {
      usage(("bad value for " + a).c_str());
    }
  }
  if (o.cv == 1 || o.cv < 0) usage("--cv needs 2 folds or more");
  return o;
}

/// The gold tag of each analyzer token: the tag of the gold token it lies in, B- only on the
/// first analyzer token of a B- gold token (a gold token may hold several: "(د").
std::vector<int> token_tags(const bench::Chunk& c, const std::vector<bench::GoldToken>& gold, const std::vector<Token>& tokens) {
  const std::vector<std::string>& names = tag_names();
  std::vector<int> out;
  std::size_t prev = static_cast<std::size_t>(-1);
  int prev_tag = 0;
  for (const Token& t : tokens) {
    const std::size_t g = c.token_at(t.start);
    std::string tag = gold[g].tag;
    if (tag != "O" && (g == prev || (tag[0] == 'I' && prev_tag != 0))) tag[0] = 'I';
    if (tag[0] == 'I' && (prev_tag == 0 || names[static_cast<std::size_t>(prev_tag)].substr(2) != tag.substr(2))) tag[0] = 'B';
    int id = 0;
    for (std::size_t k = 0; k < names.size(); ++k)
      if (names[k] == tag) id = static_cast<int>(k);
    out.push_back(id);
    prev = g;
    prev_tag = id;
  }
  return out;
}

void print_scores(const char* title, bench::Scores s) {
  std::printf("\n%s\n\n| type | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R |\n"
              "|---|---|---|---|---|---|---|---|\n", title);
  for (const char* t : {"PERS", "LOC", "ORG", "all"}) {
    const bench::Score& e = s.exact[t];
    std::printf("| %s | %zu | %zu | %.3f | %.3f | %.3f | %.3f | %.3f |\n", t, e.gold, e.pred, e.precision(), e.recall(),
                e.f1(), s.overlap_p[t].precision(), s.overlap_r[t].recall());
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  try {
    const std::vector<bench::GoldToken> gold = bench::read_anercorp((o.corpora / "anercorp" / "ANERCorp.txt").string());
    const std::size_t cut = bench::test_start(gold);
    const std::vector<bench::Chunk> parts = bench::chunks(gold, 0, cut);
    std::fprintf(stderr, "ANERcorp: %zu tokens, training part 0-%zu in %zu chunks (the last sixth is not read)\n",
                 gold.size(), cut, parts.size());

    fs::create_directories(o.work);
    const fs::path words = o.work / "clusters.tsv";
    Clusters clusters;
    if (!o.use_clusters) {
      clusters.index();
    } else if (fs::exists(words)) {
      clusters = read_clusters(words);
      std::fprintf(stderr, "clusters: %zu words from %s\n", clusters.entries.size(), words.c_str());
    } else {
      std::vector<std::string> texts;
      for (const bench::Chunk& c : parts) texts.push_back(c.text);
      const fs::path corpus = o.work / "unlabelled.txt";
      write_unlabelled_corpus(o.corpora, texts, corpus);
      clusters = learn_clusters(corpus, o.clusters, words);
      fs::remove(corpus);
      std::fprintf(stderr, "clusters: %zu words -> %s\n", clusters.entries.size(), words.c_str());
    }

    // Features: the analyzer without a recognizer gives the tokens and the gazetteer's mentions.
    const Analyzer plain({StemmerKind::None, "", Recognizer::None});
    const std::unique_ptr<WordStemmer> light = make_light_stemmer(plain.gazetteer().protected_words());
    const ner::FeatureExtractor fx(plain.gazetteer(), *light, &clusters);
    std::vector<Example> examples;
    for (const bench::Chunk& c : parts) {
      const Analysis a = plain.analyze(c.text);
      Example e{ner::token_features(fx, c.text, a.tokens, a.entities), token_tags(c, gold, a.tokens)};
      for (std::size_t t = 0; t < e.tags.size(); ++t)  // the gold previous tag: trained as a Markov model
        e.features[t].push_back(ner::previous_tag(t == 0 ? "^" : tag_names()[static_cast<std::size_t>(e.tags[t - 1])]));
      examples.push_back(std::move(e));
    }

    if (o.cv > 0) {
      bench::Scores pooled;
      std::vector<bench::Span> all_gold, all_pred;
      for (int f = 0; f < o.cv; ++f) {
        const std::size_t b = parts.size() * static_cast<std::size_t>(f) / static_cast<std::size_t>(o.cv);
        const std::size_t e = parts.size() * static_cast<std::size_t>(f + 1) / static_cast<std::size_t>(o.cv);
        std::vector<const Example*> rest;
        for (std::size_t i = 0; i < parts.size(); ++i)
          if (i < b || i >= e) rest.push_back(&examples[i]);
        std::fprintf(stderr, "fold %d: chunks %zu-%zu held out\n", f + 1, b, e);
        const Analyzer folded({StemmerKind::None, "", Recognizer::Given, train(rest, clusters, o.train).serialize()});
        const std::vector<bench::Chunk> held(parts.begin() + static_cast<std::ptrdiff_t>(b), parts.begin() + static_cast<std::ptrdiff_t>(e));
        const bench::Predictions p = bench::predict(folded, gold, held);
        const std::vector<bench::Span> g = bench::gold_spans(gold, held.front().begin, held.back().end);
        all_gold.insert(all_gold.end(), g.begin(), g.end());
        all_pred.insert(all_pred.end(), p.spans.begin(), p.spans.end());
      }
      const std::set<bench::Span> gs(all_gold.begin(), all_gold.end()), ps(all_pred.begin(), all_pred.end());
      auto text = [&](const bench::Span& sp, bool context) {
        std::string out;
        const std::size_t from = context && sp.first >= 3 ? sp.first - 3 : sp.first;
        const std::size_t to = context ? std::min(cut, sp.last + 4) : sp.last + 1;
        for (std::size_t k = from; k < to; ++k)
          out += (out.empty() ? "" : " ") + gold[k].text + (context && gold[k].tag != "O" ? "/" + gold[k].tag : "");
        return out;
      };
      for (int shown = 0; const bench::Span& p : ps)
        if (!gs.count(p) && shown++ < o.errors)
          std::printf("  false %s: %s in: %s\n", p.type.c_str(), text(p, false).c_str(), text(p, true).c_str());
      for (int shown = 0; const bench::Span& g : gs)
        if (!ps.count(g) && shown++ < o.errors)
          std::printf("  missed %s: %s in: %s\n", g.type.c_str(), text(g, false).c_str(), text(g, true).c_str());
      print_scores(("cross-validation, " + std::to_string(o.cv) + " folds of the training part, C " +
                    std::to_string(o.train.C) + ", min count " + std::to_string(o.train.min_count) + ", transition " +
                    std::to_string(o.train.transition) + ", O penalty " + std::to_string(o.train.o_penalty) +
                    ", min confidence " + std::to_string(o.train.min_confidence))
                       .c_str(),
                   bench::score(all_gold, all_pred));
    }
    if (!o.write) return 0;
    std::vector<const Example*> all;
    for (const Example& e : examples) all.push_back(&e);
    const std::string bytes = train(all, clusters, o.train).serialize();
    std::ofstream out(o.out, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + o.out.string());
    std::fprintf(stderr, "model: %zu bytes -> %s\n", bytes.size(), o.out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ner_train: %s\n", e.what());
    return 3;
  }
  return 0;
}
