// rasd's one exception hierarchy: library code throws these, only main() and the HTTP
// exception handler catch them and map the type to an exit code or an HTTP status.
#pragma once

#include <stdexcept>
#include <string>

namespace rasd {

/// Root of every error rasd throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input from a user: a file, a line, a parameter, a query (exit 2, HTTP 400).
class InvalidInput : public Error {
 public:
  using Error::Error;
};

/// Something asked for by id does not exist (exit 1 or 2 by command, HTTP 404).
class NotFound : public Error {
 public:
  using Error::Error;
};

/// The index cannot be opened, read or written, or is locked by another writer (exit 3, HTTP 503).
class IndexError : public Error {
 public:
  using Error::Error;
};

/// The index was built by another analyzer version and must be re-indexed (exit 3, HTTP 503).
class VersionMismatch : public IndexError {
 public:
  using IndexError::IndexError;
};

/// A request or query exceeds a configured bound (HTTP 413 or 400). `limit` names the bound
/// (e.g. "max_wildcard_terms") for clients that act on it.
class LimitExceeded : public InvalidInput {
 public:
  explicit LimitExceeded(const std::string& what, std::string limit = {})
      : InvalidInput(what), limit_(std::move(limit)) {}
  const std::string& limit() const { return limit_; }

 private:
  std::string limit_;
};

/// A search ran past its time budget and was stopped (exit 2, HTTP 503).
class SearchTimeout : public LimitExceeded {
 public:
  using LimitExceeded::LimitExceeded;
};

}  // namespace rasd
