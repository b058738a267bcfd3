// The word lists and built-in corpus evidence the light stemmer consults, loaded once per
// stemmer from analyzers/data (protected_names.txt, broken_plurals.tsv, stem_lexicon.tsv).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/stem/stem_cache.h"
#include "analyzers/stem/stem_tables.h"
#include "analyzers/stem/term_stats.h"
#include "analyzers/word_set.h"

namespace rasd::stem {

/// Document frequencies of normalised word forms in a reference news corpus (ANT, built by
/// bench/stem_lexicon_build): the evidence used when an index has too few documents.
class LexiconStats : public TermStats {
 public:
  /// `tsv`: a "#docs<TAB>N" line, then "form<TAB>df" lines; must outlive this object.
  explicit LexiconStats(std::string_view tsv);
  std::uint32_t doc_freq(std::string_view norm) const override;
  std::uint32_t doc_count() const override { return docs_; }
  const WordMap& forms() const { return forms_; }

 private:
  WordMap forms_;
  std::uint32_t docs_ = 0;
};

/// Lexicon forms seen in at least this many documents get their stem precomputed.
inline constexpr std::uint32_t kCacheMinDf = 3;
/// The most frequent forms also go into a small table (~300 KiB) that stays in the CPU caches;
/// Zipf's law puts about half of all tokens there.
inline constexpr std::size_t kHotForms = 8192;

/// Everything the light stemmer looks up besides the caller's statistics.
struct StemData {
  explicit StemData(std::string_view lexicon_tsv) : lexicon(lexicon_tsv) {}

  std::deque<std::string> storage;       // owns the strings the maps below view
  WordMap names;                         // protected name or variant -> index into name_cores
  std::vector<std::string_view> name_cores;  // canonical names, without their ال (قاهره)
  WordMap broken_plurals;                // plural (and plural without final ه) -> index
  std::vector<std::string_view> singulars;
  WordMap radical_article_stems;         // stems whose leading ال is radical (الغاء, التزام)
  WordFilter filter;                     // every key of the maps above: cheap rejection
  LexiconStats lexicon;

  /// Stems of the lexicon's frequent forms under the built-in evidence, computed once at
  /// load: most tokens of news text are among them, so the hot path is one look-up.
  StemCache hot_cache;  // the kHotForms most frequent forms: small enough to stay in cache
  StemCache cache;      // every lexicon form with df >= kCacheMinDf

  std::string_view keep(std::string s) { return storage.emplace_back(std::move(s)); }
};

/// Loads the built-in lists and adds `extra_names` (the gazetteer's protected words).
std::unique_ptr<StemData> load_stem_data(const WordSet& extra_names);

}  // namespace rasd::stem
