// Spreading the reports of many files over worker threads: a worker claims a file, reads it,
// and shares its reports as chunks, so one big file keeps every core busy.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "indexer/report.h"

namespace rasd {

/// A run of reports of one file.
struct ReportChunk {
  std::shared_ptr<std::vector<Report>> reports;
  std::size_t begin = 0, end = 0;
};

/// What the workers do: load file i (may return null), and handle one report.
struct WorkerTasks {
  std::function<std::shared_ptr<std::vector<Report>>(std::size_t file)> load;
  std::function<void(unsigned worker, Report& report)> handle;
};

/// Runs `threads` workers over `files` files until every report was handled; rethrows the
/// first exception a worker threw.
void run_workers(std::size_t files, unsigned threads, const WorkerTasks& tasks);

/// A bounded multi-producer, single-consumer queue: analysis threads feed the one writer.
template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  /// Blocks while full; false when the queue was closed (the consumer gave up).
  bool push(T&& item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// Blocks while empty; false once closed and drained.
  bool pop(T& out) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    out = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace rasd
