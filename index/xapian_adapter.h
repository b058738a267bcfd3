// The thin adapters between rasd's analyzer and Xapian: Snowball as a WordStemmer, rasd's
// stemmer as a Xapian::StemImplementation, and index statistics as TermStats.
#pragma once

#include <memory>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "analyzers/stem/stemmer.h"
#include "analyzers/stem/term_stats.h"

namespace rasd {

/// Xapian's Snowball `arabic` stemmer (the baseline analysts use today).
std::unique_ptr<WordStemmer> make_snowball_stemmer();

/// An Analyzer for `config`, wired with the Snowball adapter when it asks for it.
std::unique_ptr<Analyzer> make_analyzer(const AnalyzerConfig& config);

/// rasd's stemmer behind Xapian's interface (for QueryParser or TermGenerator users).
Xapian::Stem make_xapian_stem(const Analyzer& analyzer, const TermStats* stats);

/// Document frequencies of unprefixed (normalised surface) terms in a Xapian database.
class DatabaseTermStats : public TermStats {
 public:
  explicit DatabaseTermStats(const Xapian::Database& db) : db_(db) {}
  std::uint32_t doc_freq(std::string_view norm) const override;
  std::uint32_t doc_count() const override;

 private:
  Xapian::Database db_;
};

}  // namespace rasd
