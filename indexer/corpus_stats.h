// The evidence the light stemmer weighs while indexing: document frequencies of normalised
// surface forms in the index plus those of the batch being indexed (counted in a pre-pass),
// so that a fresh index stems as the finished index will at query time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "analyzers/stem/term_stats.h"
#include "analyzers/word_set.h"
#include "indexer/report.h"

namespace rasd {

/// Document frequencies of normalised surface forms counted over a batch of reports.
struct BatchCounts {
  std::unordered_map<std::string, std::uint32_t, StringViewHash, std::equal_to<>> doc_freq;
  std::uint32_t docs = 0;

  void merge(BatchCounts&& other);
};

/// Adds the distinct surface forms of one report (title and body) to `counts`: pass 1 of a run.
void count_report(const Analyzer& analyzer, const Report& report, BatchCounts& counts);

/// Index statistics plus batch counts; one per thread (a Xapian::Database is not shared).
class CorpusStats : public TermStats {
 public:
  /// `batch` must outlive this object; `index_dir` empty (or an empty index) for none.
  CorpusStats(const BatchCounts* batch, const std::string& index_dir);
  std::uint32_t doc_freq(std::string_view norm) const override;
  std::uint32_t doc_count() const override;

  /// True when the index, as this thread last saw it, stores `id_term` with this content hash
  /// (the report need not be analysed again).
  bool stored_unchanged(const std::string& id_term, const std::string& content_hash_hex) const;

 private:
  const BatchCounts* batch_;
  mutable std::optional<Xapian::Database> db_;
  std::uint32_t db_docs_ = 0;
};

}  // namespace rasd
