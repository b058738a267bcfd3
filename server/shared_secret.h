// A secret the server compares requests against, replaceable while it serves (SIGHUP re-reads
// the token files): readers take a copy under a lock.
#pragma once

#include <mutex>
#include <string>

namespace rasd::http {

class SharedSecret {
 public:
  SharedSecret() = default;
  explicit SharedSecret(std::string value) : value_(std::move(value)) {}

  std::string get() const {
    std::lock_guard lock(mutex_);
    return value_;
  }
  void set(std::string value) {
    std::lock_guard lock(mutex_);
    value_ = std::move(value);
  }
  bool empty() const {
    std::lock_guard lock(mutex_);
    return value_.empty();
  }

 private:
  mutable std::mutex mutex_;
  std::string value_;
};

}  // namespace rasd::http
