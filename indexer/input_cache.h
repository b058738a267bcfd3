// The inputs of one indexing run, read once for the statistics pass and kept (up to a memory
// budget) for the writing pass, which re-reads only what did not fit.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "indexer/input.h"
#include "indexer/readers.h"

namespace rasd {

class Cleaner;

/// One file's reading.
struct FileRead {
  std::shared_ptr<std::vector<Report>> reports;  // null when not kept
  std::vector<Issue> warnings, skipped;
  std::uint64_t raw_bytes = 0;  // uncompressed
  bool read = false;
};

/// Reads the run's files; thread-safe for distinct files.
class InputCache {
 public:
  InputCache(const std::vector<InputFile>& files, const ReadOptions& options, const Cleaner& cleaner,
             std::uint64_t cache_bytes)
      : files_(files), options_(options), cleaner_(cleaner), cache_bytes_(cache_bytes), reads_(files.size()) {}

  /// Reads file i for the statistics pass and keeps its reports while the budget lasts.
  std::shared_ptr<std::vector<Report>> read_for_count(std::size_t i);

  /// File i for the writing pass: the kept reading (its reports read again when they were not
  /// kept), or a first reading. Each file is taken once.
  FileRead take(std::size_t i);

 private:
  FileRead read(std::size_t i) const;

  const std::vector<InputFile>& files_;
  const ReadOptions& options_;
  const Cleaner& cleaner_;
  const std::uint64_t cache_bytes_;
  std::atomic<std::uint64_t> cached_{0};
  std::vector<FileRead> reads_;
};

}  // namespace rasd
