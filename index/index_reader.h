// Opening an existing index for reading: its recorded analyzer settings, a check that this
// build's analyzer matches them, and the statistics the light stemmer weighs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "index/cluster.h"
#include "index/xapian_adapter.h"

namespace rasd {

class ShardSet;

/// An index opened read-only: a folder, or a cluster file (index/cluster.h) whose shards are
/// combined into one database. Throws IndexError when DIR is not a rasd index.
class IndexReader {
 public:
  explicit IndexReader(const std::string& dir);
  ~IndexReader();

  const Xapian::Database& db() const { return db_; }
  Xapian::Database& db() { return db_; }
  const TermStats& stats() const { return stats_; }
  const std::string& dir() const { return dir_; }

  /// The shards of a cluster; nullptr for a folder.
  ShardSet* shards() const { return shards_.get(); }
  /// A cluster's shards that are left out (shard_name() strings); empty for a folder.
  std::vector<std::string> failed_shards() const;
  /// A cluster: takes in the shards that answer again (ShardSet::retry_due). True when db()
  /// changed (docids may then name other documents).
  bool retry_due();
  /// A cluster: after a network error, leaves out (or moves to its next server) the shard
  /// whose server the error's context names (ShardSet::server_failed; IndexError when no shard
  /// answers). True when db() changed.
  bool server_failed(const std::string& context);

  /// The highest ingest sequence below which every document is visible (0 when empty). On a
  /// cluster, the lowest sequence counter that the shards' last commits recorded, so that a
  /// shard that committed later cannot hold a document below it.
  std::uint64_t visible_sequence() const;

  /// The stemmer the index was built with.
  StemmerKind stemmer() const { return stemmer_; }
  /// The analyzer name recorded in the index.
  const std::string& analyzer_name() const { return analyzer_name_; }

  /// An analyzer with the index's settings; throws VersionMismatch when this build's analyzer
  /// would produce other terms than the ones in the index.
  std::unique_ptr<Analyzer> make_analyzer(const std::string& gazetteer_dir = {}) const;

 private:
  std::string dir_;
  std::shared_ptr<ShardSet> shards_;
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
  std::vector<ShardState> shards;  // a cluster's shards one by one; empty for a folder
};

/// Counts and settings of the index behind `reader`.
IndexStats index_stats(const IndexReader& reader);

/// The stored JSON of document `id` (report.h), or nothing when there is none.
std::optional<std::string> stored_document(const IndexReader& reader, const std::string& id);

}  // namespace rasd
