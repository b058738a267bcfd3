// Telling a full disk apart from other write errors, so that the message says so: Xapian
// reports ENOSPC as a generic DatabaseError ("Error writing block"), which reads like a corrupt
// index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rasd {

/// Bytes free for unprivileged writes on the file system holding `path` (or its nearest existing
/// parent); nullopt when that cannot be read.
std::optional<std::uint64_t> free_bytes(const std::string& path);

/// " : the disk holding 'PATH' is full (N KiB free); free some space and run again", when
/// `error_text` names ENOSPC or less than 16 MiB are free at `path`; "" otherwise.
std::string disk_full_note(const std::string& path, const std::string& error_text);

}  // namespace rasd
