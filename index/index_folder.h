// The index as a folder on disk, for the operations that copy or replace it while it is in use:
// the commit gate that writers and snapshots share, the atomic exchange of two folders, and
// syncing a folder's files.
#pragma once

#include <string>

namespace rasd {

/// Commits of an index and snapshots of it exclude each other: a writer holds the gate shared
/// while it commits (or replaces the folder), a backup holds it exclusively while it copies the
/// files, so a snapshot is one committed revision. A writer is paused for the copy, never
/// refused. The gate is a lock file beside the folder, `.<name>.gate`, so that it survives the
/// folder being exchanged.
class CommitGate {
 public:
  enum class Mode { Shared, Exclusive };

  /// A held gate; released when destroyed. Holds nothing when the lock file could not be made
  /// (a read-only parent folder: then no backup can run there either).
  class Hold {
   public:
    Hold() = default;
    Hold(Hold&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Hold& operator=(Hold&& other) noexcept;
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;
    ~Hold();
    bool held() const { return fd_ >= 0; }

   private:
    friend class CommitGate;
    explicit Hold(int fd) : fd_(fd) {}
    int fd_ = -1;
  };

  /// Waits for the gate of the index at `index_dir`. Exclusive mode throws IndexError when the
  /// lock file cannot be made (a snapshot must not run unguarded); shared mode then holds nothing.
  static Hold acquire(const std::string& index_dir, Mode mode);

  /// The lock file's path.
  static std::string path(const std::string& index_dir);
};

/// Exchanges the folders at `a` and `b` in one step (renameat2 RENAME_EXCHANGE): a reader that
/// opens either path at any moment finds a whole index. Throws IndexError.
void exchange_folders(const std::string& a, const std::string& b);

/// Which folder a path names right now (device and inode): a reader compares it to learn that
/// the folder was exchanged under it (reindex, restore), which Xapian's reopen() cannot see.
struct FolderIdentity {
  unsigned long long device = 0, inode = 0;
  bool operator==(const FolderIdentity&) const = default;
};
FolderIdentity folder_identity(const std::string& dir);  // {0, 0} when it cannot be read

/// Waits until the files of `dir` and the folder itself are on disk.
void sync_folder(const std::string& dir);

/// "a/b/" and "a/./b" as "a/b" (names of siblings are made from the last component).
std::string folder_path(const std::string& dir);

}  // namespace rasd
