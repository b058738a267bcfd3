// Opening an existing index for reading: its recorded analyzer settings, a check that this
// build's analyzer matches them, and the statistics the light stemmer weighs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "index/xapian_adapter.h"

namespace rasd {

/// An index opened read-only. Throws IndexError when DIR is not a rasd index.
class IndexReader {
 public:
  explicit IndexReader(const std::string& dir);

  const Xapian::Database& db() const { return db_; }
  Xapian::Database& db() { return db_; }
  const TermStats& stats() const { return stats_; }
  const std::string& dir() const { return dir_; }

  /// The stemmer the index was built with.
  StemmerKind stemmer() const { return stemmer_; }
  /// The analyzer name recorded in the index.
  const std::string& analyzer_name() const { return analyzer_name_; }

  /// An analyzer with the index's settings; throws VersionMismatch when this build's analyzer
  /// would produce other terms than the ones in the index.
  std::unique_ptr<Analyzer> make_analyzer(const std::string& gazetteer_dir = {}) const;

 private:
  std::string dir_;
  Xapian::Database db_;
  DatabaseTermStats stats_;
  StemmerKind stemmer_ = StemmerKind::Light;
  std::string analyzer_name_;
};

/// What `rasd stats` reports about an index.
struct IndexStats {
  std::uint32_t documents = 0;
  std::uint64_t terms = 0;  // distinct terms, all prefixes
  std::uint64_t bytes = 0;  // size of the index folder on disk
  std::string analyzer;     // Analyzer::name(), e.g. "rasd-light/1/g0"
  std::string stemmer;
  std::string schema_version;
  std::string last_commit;  // ISO time, "" when never committed by rasd
  std::uint64_t next_sequence = 0;
};

/// Counts and settings of the index behind `reader`.
IndexStats index_stats(const IndexReader& reader);

/// The stored JSON of document `id` (report.h), or nothing when there is none.
std::optional<std::string> stored_document(const IndexReader& reader, const std::string& id);

}  // namespace rasd
