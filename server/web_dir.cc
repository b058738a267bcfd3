// Where the search page's files are: the packaged binary finds them relative to itself, so one
// build serves from the source tree (build/rasd) and, installed, from /usr/share/rasd/web (or
// from any root the package is unpacked into, as the package test does).
#include <filesystem>
#include <system_error>

#include "server/server.h"

namespace rasd::http {

std::string default_web_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "rasd" / "web";
    if (fs::is_regular_file(installed / "index.html", ec)) return installed.string();
  }
  return RASD_WEB_DIR;
}

}  // namespace rasd::http
