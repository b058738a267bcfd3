// The page's files, served only from a fixed allow-list: the regular files directly inside the
// web directory with a known extension, listed once at start-up. A request names a file by its
// bare name, so no path from a request ever reaches the file system.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace rasd::http {

/// One file the server may send.
struct StaticFile {
  std::string content;
  std::string content_type;
};

class StaticFiles {
 public:
  /// Lists the servable files of `web_dir`; a missing directory serves nothing.
  explicit StaticFiles(const std::string& web_dir);

  /// The file called `name` ("app.js"), read now; nullopt when not on the allow-list.
  std::optional<StaticFile> get(const std::string& name) const;

  const std::string& dir() const { return dir_; }
  std::size_t size() const { return files_.size(); }

 private:
  std::string dir_;
  std::map<std::string, std::string> files_;  // name -> content type
};

}  // namespace rasd::http
