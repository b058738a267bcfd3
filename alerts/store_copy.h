// Copies of an alerts file for backups and restores, taken with SQLite's online backup while
// `rasd serve` and `rasd alerts run` keep using the file.
#pragma once

#include <cstddef>
#include <string>

namespace rasd::alerts {

/// What an alerts file holds, in brief.
struct StoreSummary {
  int schema_version = 0;
  std::size_t alerts = 0;
  std::size_t notifications = 0;
};

/// A consistent copy of the alerts file `from` written to `to` (which must not exist). Throws
/// NotFound when `from` does not exist, IndexError when it cannot be read or `to` written.
StoreSummary copy_store(const std::string& from, const std::string& to);

/// Puts the content of the alerts file `snapshot` into `target` (created when missing) in one
/// step: connections that have `target` open see the restored alerts at their next read.
StoreSummary restore_store(const std::string& snapshot, const std::string& target);

/// The summary of an existing alerts file; throws NotFound when there is none.
StoreSummary inspect_store(const std::string& path);

}  // namespace rasd::alerts
