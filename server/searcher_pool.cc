#include "server/searcher_pool.h"

#include <xapian.h>

namespace rasd::http {

SearcherPool::SearcherPool(std::string db_dir, QueryLimits limits, std::size_t capacity)
    : db_dir_(std::move(db_dir)), limits_(limits), capacity_(capacity == 0 ? 1 : capacity) {
  idle_.push_back(std::make_unique<Searcher>(db_dir_, limits_));
  opened_ = 1;
}

SearcherPool::~SearcherPool() = default;

std::unique_ptr<Searcher> SearcherPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || opened_ < capacity_; });
  if (!idle_.empty()) {
    auto searcher = std::move(idle_.back());
    idle_.pop_back();
    return searcher;
  }
  ++opened_;
  lock.unlock();
  try {
    return std::make_unique<Searcher>(db_dir_, limits_);
  } catch (...) {
    std::lock_guard again(mutex_);
    --opened_;
    available_.notify_one();
    throw;
  }
}

void SearcherPool::release(std::unique_ptr<Searcher> searcher) {
  {
    std::lock_guard lock(mutex_);
    if (searcher)
      idle_.push_back(std::move(searcher));
    else
      --opened_;  // dropped after an error: a later lease opens a fresh one
  }
  available_.notify_one();
}

void SearcherPool::with(const std::function<void(Searcher&)>& work) {
  std::unique_ptr<Searcher> searcher = acquire();
  // Returns the Searcher to the pool however `work` ends.
  struct Lease {
    SearcherPool& pool;
    std::unique_ptr<Searcher>& searcher;
    ~Lease() { pool.release(std::move(searcher)); }
  } lease{*this, searcher};
  searcher->reopen();  // cheap when nothing changed; picks up `rasd index` commits
  try {
    work(*searcher);
  } catch (const Xapian::DatabaseModifiedError&) {
    // A writer committed twice while we read: the revision we held is gone. Retry once.
    searcher->reopen();
    work(*searcher);
  }
}

}  // namespace rasd::http
