// A fixed set of worker threads taking jobs from a bounded queue: a full queue refuses the job
// (the front door answers 503) instead of blocking the thread that accepts connections.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rasd::http {

/// `threads` threads running `work` on each job pushed; at most `capacity` jobs wait.
class WorkerLane {
 public:
  using Work = std::function<void(void*)>;
  WorkerLane(std::size_t threads, std::size_t capacity, Work work) : capacity_(capacity), work_(std::move(work)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) threads_.emplace_back([this] { loop(); });
  }
  ~WorkerLane() { shutdown(); }
  /// Queues `job`; false when the queue is full or the lane is shut down.
  bool push(void* job) {
    {
      std::lock_guard lock(mutex_);
      if (jobs_.size() >= capacity_ || stop_) return false;
      jobs_.push_back(job);
    }
    ready_.notify_one();
    return true;
  }
  /// Lets the queued jobs finish and joins the threads.
  void shutdown() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }
  std::size_t busy() const { return busy_; }

 private:
  void loop() {
    for (;;) {
      void* job = nullptr;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !jobs_.empty() || stop_; });
        if (jobs_.empty()) return;
        job = jobs_.front();
        jobs_.pop_front();
      }
      ++busy_;
      work_(job);
      --busy_;
    }
  }
  std::size_t capacity_;
  Work work_;
  std::vector<std::thread> threads_;
  std::deque<void*> jobs_;
  std::atomic<std::size_t> busy_{0};
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable ready_;
};

}  // namespace rasd::http
