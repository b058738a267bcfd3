#include "index/index_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error/error.h"

namespace rasd {
namespace fs = std::filesystem;

CommitGate::Hold& CommitGate::Hold::operator=(Hold&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

CommitGate::Hold::~Hold() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

std::string CommitGate::path(const std::string& index_dir) {
  const fs::path dir(folder_path(index_dir));
  std::string name = ".";
  name.append(dir.filename().string()).append(".gate");
  return (dir.parent_path() / name).string();
}

CommitGate::Hold CommitGate::acquire(const std::string& index_dir, Mode mode) {
  const std::string file = path(index_dir);
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    if (mode == Mode::Shared) return Hold();
    throw IndexError("cannot create the commit gate " + file + ": " + std::strerror(errno));
  }
  int rc = 0;
  do rc = ::flock(fd, mode == Mode::Shared ? LOCK_SH : LOCK_EX);
  while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int err = errno;
    ::close(fd);
    if (mode == Mode::Shared) return Hold();
    throw IndexError("cannot lock the commit gate " + file + ": " + std::strerror(err));
  }
  return Hold(fd);
}

void exchange_folders(const std::string& a, const std::string& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
    throw IndexError("cannot exchange the folders '" + a + "' and '" + b + "': " + std::strerror(errno));
}

FolderIdentity folder_identity(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return {};
  return {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

void sync_folder(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    const int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ::fsync(fd);
    ::close(fd);
  }
  if (const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string folder_path(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return p.string();
}

}  // namespace rasd
