#include "index/xapian_adapter.h"

namespace rasd {
namespace {

class SnowballStemmer : public WordStemmer {
 public:
  StemResult stem(std::string_view norm, const TermStats*) const override {
    // A Snowball stemmer keeps working buffers, so each thread gets its own.
    thread_local Xapian::Stem snowball("arabic");
    return {snowball(std::string(norm)), {}};
  }
  StemmerKind kind() const override { return StemmerKind::Snowball; }
};

class RasdStemImplementation : public Xapian::StemImplementation {
 public:
  RasdStemImplementation(const Analyzer& analyzer, const TermStats* stats) : analyzer_(analyzer), stats_(stats) {}
  std::string operator()(const std::string& word) override {
    return analyzer_.stem(analyzer_.normalize(word), stats_).stem;
  }
  std::string get_description() const override { return "rasd " + analyzer_.name(); }

 private:
  const Analyzer& analyzer_;
  const TermStats* stats_;
};

}  // namespace

std::unique_ptr<WordStemmer> make_snowball_stemmer() { return std::make_unique<SnowballStemmer>(); }

std::unique_ptr<Analyzer> make_analyzer(const AnalyzerConfig& config) {
  return std::make_unique<Analyzer>(config, config.stemmer == StemmerKind::Snowball ? make_snowball_stemmer() : nullptr);
}

Xapian::Stem make_xapian_stem(const Analyzer& analyzer, const TermStats* stats) {
  return Xapian::Stem(new RasdStemImplementation(analyzer, stats));
}

std::uint32_t DatabaseTermStats::doc_freq(std::string_view norm) const {
  return db_.get_termfreq(std::string(norm));
}

std::uint32_t DatabaseTermStats::doc_count() const { return db_.get_doccount(); }

}  // namespace rasd
