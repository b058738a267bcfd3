// One `rasd index` run: read the inputs, count the batch's word statistics, analyse and build
// documents on worker threads, and write them through the IndexWriter with batched commits (a
// bulk build of a new index: each thread writes a part of its own, merged at the end).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "indexer/input.h"
#include "indexer/readers.h"

namespace rasd {

class Cleaner;
class IndexWriter;

/// How far a run has come (for a progress bar).
struct IndexProgress {
  std::size_t docs = 0;         // documents handed to the writer
  std::size_t docs_total = 0;   // 0 when unknown
  std::uint64_t bytes = 0;       // uncompressed input bytes read
  std::uint64_t disk_bytes = 0;  // the same files' size on disk
  std::uint64_t disk_bytes_total = 0;
  double seconds = 0;
  std::string stage;  // after the last document: what the run still does ("merging 2 parts")
};

/// Hears about a run while it happens; the CLI prints, tests collect.
class IndexObserver {
 public:
  virtual ~IndexObserver() = default;
  virtual void warning(const Issue& issue) = 0;
  virtual void skipped(const Issue& issue) = 0;
  virtual void progress(const IndexProgress& progress) = 0;
};

/// How a run works.
struct IndexOptions {
  ReadOptions read;
  std::size_t batch_size = 250;  // documents per commit: Xapian's pending-change maps slow down as they grow
  unsigned threads = 0;            // worker threads; 0 = one per core (cores - 1 beside one writer)
  bool precount = true;            // count the batch's word statistics first (light stemmer)
  std::uint64_t cache_bytes = 1ull << 30;  // reports kept in memory between the two passes
  bool compact = false;            // compact the index at the end (bulk builds)
};

/// What a run did.
struct IndexSummary {
  std::size_t files = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t exact_duplicates = 0;  // indexed, clustered with an identical text
  std::size_t near_duplicates = 0;   // indexed, clustered with a near copy
  std::size_t datelines = 0;         // publication date taken from the text
  std::size_t warnings = 0;
  std::map<std::string, std::size_t> skipped;  // reason -> count
  std::uint64_t bytes = 0;  // uncompressed input
  double seconds = 0;
  unsigned parts = 1;  // a bulk build of a new index writes one part per thread, then merges

  std::size_t skipped_total() const;
};

/// Indexes `files` into `writer` with `analyzer` (already accepted by writer.use_analyzer()).
IndexSummary index_files(const std::vector<InputFile>& files, IndexWriter& writer, const Analyzer& analyzer,
                         const Cleaner& cleaner, const IndexOptions& options, IndexObserver& observer);

/// Opens (or creates) the index at `db` and indexes `files` with the analyzer it records (light
/// for a new index), committing at the end: an in-process ingest (HTTP upload, tests).
IndexSummary index_into(const std::string& db, const std::vector<InputFile>& files, const IndexOptions& options,
                        IndexObserver& observer);

}  // namespace rasd
