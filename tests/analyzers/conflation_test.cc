// The conflation suite (fixtures/conflation.tsv): rasd `light` through the whole Analyzer must
// keep every `≠` row apart and get >= 95 % of all rows, with no statistics (built-in evidence)
// and with a small TermStats read from fixtures/conflation_stats.tsv.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "analyzers/analyzer.h"
#include "tests/analyzers/conflation_suite.h"

namespace {

const rasd::Analyzer& light() {
  static const rasd::Analyzer a({rasd::StemmerKind::Light, ""});
  return a;
}

// Document frequencies from a "form<TAB>df" file whose "#docs<TAB>N" line gives the size.
class FileStats : public rasd::TermStats {
 public:
  explicit FileStats(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::string line;
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (tab == std::string::npos) continue;
      const std::string form = line.substr(0, tab);
      const auto n = static_cast<std::uint32_t>(std::stoul(line.substr(tab + 1)));
      if (form == "#docs") docs_ = n;
      else if (form[0] != '#') df_[form] = n;
    }
  }
  std::uint32_t doc_freq(std::string_view norm) const override {
    const auto it = df_.find(std::string(norm));
    return it == df_.end() ? 0 : it->second;
  }
  std::uint32_t doc_count() const override { return docs_; }

 private:
  std::map<std::string, std::uint32_t> df_;
  std::uint32_t docs_ = 0;
};

rasd::StemResult stem_text(const std::string& word, const rasd::TermStats* stats) {
  rasd::AnalyzeContext ctx;
  ctx.stats = stats;
  ctx.extraction = rasd::Extraction::TokensOnly;
  const rasd::Analysis a = light().analyze(word, ctx);
  REQUIRE_MESSAGE(a.tokens.size() == 1, "'" << word << "' is not one token");
  return {a.tokens[0].stem, a.tokens[0].alts};
}

void check_suite(const rasd::TermStats* stats) {
  const auto rows = rasd::conflation::load(std::string(RASD_SOURCE_DIR) + "/fixtures/conflation.tsv");
  REQUIRE(rows.size() >= 59 + 300);
  const auto s = rasd::conflation::score(rows, [&](const std::string& w) { return stem_text(w, stats); });
  for (const std::string& f : s.failures) MESSAGE(f);
  MESSAGE("light: " << s.overall() << " % overall, = " << s.same_rate() << " %, ≠ " << s.diff_rate() << " %");
  CHECK(s.diff_total >= 50);
  CHECK(s.diff_ok == s.diff_total);
  CHECK(s.overall() >= 95.0);
}

}  // namespace

TEST_CASE("conflation suite: light, no statistics (rules, names and the built-in lexicon)") { check_suite(nullptr); }

TEST_CASE("conflation suite: light, with index statistics from a fixture") {
  const FileStats stats(std::string(RASD_SOURCE_DIR) + "/fixtures/conflation_stats.tsv");
  REQUIRE(stats.doc_count() >= 1000);  // enough documents for the stemmer to use them
  check_suite(&stats);
}
