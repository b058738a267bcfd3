// What an indexing run tells its observer while it goes (warnings, skips, progress at most every
// 200 ms) and the summary it ends with. Thread-safe: analysis and writer threads all report.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "indexer/input_cache.h"

namespace rasd {

class RunReport {
 public:
  RunReport(IndexObserver& observer, std::size_t files, std::uint64_t disk_bytes_total);

  /// The number of documents, once a pre-count knows it (0: unknown).
  void set_docs_total(std::size_t docs) { docs_total_ = docs; }
  std::size_t docs_total() const { return docs_total_; }

  /// A file handed to the writing pass, of `disk_bytes` on disk: its issues are reported.
  void file_taken(const FileRead& read, std::uint64_t disk_bytes);
  /// One document written (or found unchanged).
  void written(const WriteResult& result, bool dateline);
  /// The last progress line, and what the run does after the last document ("merging 2 parts").
  void done(const std::string& stage = {});
  /// Older copies that a merge dropped: counted as replaced, not added.
  void merged_older(std::size_t older);
  void set_parts(unsigned parts);

  IndexSummary finish();

 private:
  IndexProgress progress_now(const std::string& stage) const;  // under mutex_
  double seconds() const;

  IndexObserver& observer_;
  std::mutex mutex_;
  IndexSummary summary_;
  std::chrono::steady_clock::time_point start_, last_progress_;
  std::uint64_t disk_bytes_total_ = 0;
  std::uint64_t bytes_done_ = 0;       // uncompressed input read
  std::uint64_t disk_bytes_done_ = 0;  // the same files on disk
  std::size_t docs_total_ = 0;
  std::size_t docs_done_ = 0;  // documents written or found unchanged
};

}  // namespace rasd
