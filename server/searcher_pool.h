// A bounded pool of Searchers (one is not thread-safe) shared by the server's worker threads.
// Each lease sees what other processes committed: the Searcher is reopened before use, and a
// search that hits Xapian::DatabaseModifiedError is retried once on a reopened database.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace rasd {
class IndexReader;
}

namespace rasd::http {

class SearcherPool {
 public:
  /// Opens one Searcher now (so a bad --db fails at start-up) and up to `capacity` on demand.
  /// A lease waits at most `wait` for a free Searcher, then throws Overloaded (503).
  SearcherPool(std::string db_dir, QueryLimits limits, std::size_t capacity,
               std::chrono::milliseconds wait = std::chrono::seconds(30));
  ~SearcherPool();
  SearcherPool(const SearcherPool&) = delete;
  SearcherPool& operator=(const SearcherPool&) = delete;

  /// Runs `work` on a fresh view of the index; waits while every Searcher is busy.
  void with(const std::function<void(Searcher&)>& work);

  /// Documents in the index, from a view of its own: health checks and metrics never wait for a
  /// search slot.
  std::uint64_t document_count();

  const QueryLimits& limits() const { return limits_; }
  const std::string& db_dir() const { return db_dir_; }

 private:
  std::unique_ptr<Searcher> acquire();
  void release(std::unique_ptr<Searcher> searcher);

  std::string db_dir_;
  QueryLimits limits_;
  std::size_t capacity_;
  std::chrono::milliseconds wait_;
  std::size_t opened_ = 0;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::mutex probe_mutex_;
  std::unique_ptr<IndexReader> probe_;
};

}  // namespace rasd::http
