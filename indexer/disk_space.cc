#include "indexer/disk_space.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rasd {

constexpr std::uint64_t kNearlyFull = 16u << 20;  // a merge or commit needs more than this

std::optional<std::uint64_t> free_bytes(const std::string& path) {
  std::filesystem::path p = path;
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) p = p.parent_path();
  struct statvfs st{};
  if (::statvfs(p.empty() ? "." : p.c_str(), &st) != 0) return std::nullopt;
  return static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
}

std::string disk_full_note(const std::string& path, const std::string& error_text) {
  const bool enospc = error_text.find(std::strerror(ENOSPC)) != std::string::npos;
  const auto free = free_bytes(path);
  if (!enospc && !(free && *free < kNearlyFull)) return {};
  return ": the disk holding '" + path + "' is full (" + (free ? std::to_string(*free / 1024) + " KiB" : "no space") +
         " free); free some space and run again";
}

}  // namespace rasd
