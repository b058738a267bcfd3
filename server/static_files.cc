#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace rasd::http {
namespace {

const std::map<std::string, std::string>& content_types() {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".json", "application/json"},          {".woff2", "font/woff2"}};
  return types;
}

bool safe_name(const std::string& name) {
  if (name.empty() || name.front() == '.') return false;
  for (const char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& web_dir) : dir_(web_dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(web_dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;  // symlinks to elsewhere and folders are skipped
    if (entry.is_symlink(ec)) continue;
    const std::string name = entry.path().filename().string();
    const auto type = content_types().find(entry.path().extension().string());
    if (safe_name(name) && type != content_types().end()) files_[name] = type->second;
  }
}

std::optional<StaticFile> StaticFiles::get(const std::string& name) const {
  const auto it = files_.find(name);
  if (it == files_.end()) return std::nullopt;
  std::ifstream in(std::filesystem::path(dir_) / it->first, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return StaticFile{content.str(), it->second};
}

}  // namespace rasd::http
