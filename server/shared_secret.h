// Secrets the server compares requests against, replaceable while it serves (SIGHUP re-reads
// the token files): readers take a copy under a lock.
#pragma once

#include <mutex>
#include <string>

#include "server/access.h"

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

/// The read and write tokens (access.h), replaceable together while the server runs.
class SharedTokens {
 public:
  SharedTokens() = default;
  explicit SharedTokens(Tokens value) : value_(std::move(value)) {}

  Tokens get() const {
    std::lock_guard lock(mutex_);
    return value_;
  }
  void set(Tokens value) {
    std::lock_guard lock(mutex_);
    value_ = std::move(value);
  }

 private:
  mutable std::mutex mutex_;
  Tokens value_;
};

}  // namespace rasd::http
