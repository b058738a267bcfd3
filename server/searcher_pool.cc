#include "server/searcher_pool.h"

#include <xapian.h>

#include "index/index_reader.h"

#include "server/problem.h"

namespace rasd::http {

SearcherPool::SearcherPool(std::string db_dir, QueryLimits limits, std::size_t capacity, std::chrono::milliseconds wait)
    : db_dir_(std::move(db_dir)), limits_(limits), capacity_(capacity == 0 ? 1 : capacity), wait_(wait) {
  idle_.push_back(std::make_unique<Searcher>(db_dir_, limits_));
  opened_ = 1;
}

SearcherPool::~SearcherPool() = default;

// A folder or a cluster file: a cluster counts the shards that answer (a shard that is out is
// tried again at most once a second, as searches do).
std::uint64_t SearcherPool::document_count() {
  std::lock_guard lock(probe_mutex_);
  if (!probe_) probe_ = std::make_unique<IndexReader>(db_dir_);
  try {
    if (probe_->shards()) probe_->retry_due();
    else probe_->db().reopen();
    return probe_->db().get_doccount();
  } catch (const Xapian::Error&) {
    probe_.reset();  // opened afresh next time (e.g. the index was replaced, a shard died)
    throw;
  }
}

std::unique_ptr<Searcher> SearcherPool::acquire() {
  std::unique_lock lock(mutex_);
  if (!available_.wait_for(lock, wait_, [&] { return !idle_.empty() || opened_ < capacity_; }))
    throw Overloaded("all " + std::to_string(capacity_) + " search slots stayed busy for " +
                     std::to_string(wait_.count()) + " ms; retry shortly");
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
