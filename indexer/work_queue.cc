#include "indexer/work_queue.h"

#include <thread>
#include <variant>

namespace rasd {
namespace {

constexpr std::size_t kChunkReports = 32;

class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t files) : files_(files) {}

  // A chunk to handle, a file to load, or nothing left.
  std::variant<std::monostate, ReportChunk, std::size_t> next() {
    std::unique_lock lock(mutex_);
    for (;;) {
      if (failed_) return std::monostate{};
      if (!chunks_.empty()) {
        ReportChunk c = std::move(chunks_.front());
        chunks_.pop_front();
        return c;
      }
      if (next_file_ < files_) {
        ++loading_;
        return next_file_++;
      }
      if (loading_ == 0) return std::monostate{};
      cv_.wait(lock);
    }
  }

  void loaded(std::shared_ptr<std::vector<Report>> reports) {
    std::lock_guard lock(mutex_);
    --loading_;
    if (reports)
      for (std::size_t b = 0; b < reports->size(); b += kChunkReports)
        chunks_.push_back({reports, b, std::min(b + kChunkReports, reports->size())});
    cv_.notify_all();
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = e;
    failed_ = true;
    cv_.notify_all();
  }

  std::exception_ptr error() const { return error_; }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<ReportChunk> chunks_;
  std::size_t files_;
  std::size_t next_file_ = 0;
  std::size_t loading_ = 0;
  bool failed_ = false;
  std::exception_ptr error_;
};

void work(unsigned worker, ChunkQueue& queue, const WorkerTasks& tasks) {
  for (;;) {
    auto task = queue.next();
    if (std::holds_alternative<std::monostate>(task)) return;
    try {
      if (auto* file = std::get_if<std::size_t>(&task)) {
        std::shared_ptr<std::vector<Report>> reports;
        try {
          reports = tasks.load(*file);
        } catch (...) {
          queue.loaded(nullptr);
          throw;
        }
        queue.loaded(std::move(reports));
      } else {
        ReportChunk& c = std::get<ReportChunk>(task);
        for (std::size_t i = c.begin; i < c.end; ++i) tasks.handle(worker, (*c.reports)[i]);
      }
    } catch (...) {
      // Carried to the calling thread, which reports it: a worker has no one else to tell.
      queue.fail(std::current_exception());
      return;
    }
  }
}

}  // namespace

void run_workers(std::size_t files, unsigned threads, const WorkerTasks& tasks) {
  ChunkQueue queue(files);
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w, std::ref(queue), std::cref(tasks));
  work(0, queue, tasks);
  for (std::thread& t : pool) t.join();
  if (queue.error()) std::rethrow_exception(queue.error());
}

}  // namespace rasd
