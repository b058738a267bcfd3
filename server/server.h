// `rasd serve`: the HTTP API and the search page over one index, hardened for exposure
// (body, header and URI limits, timeouts, a bounded worker pool, 127.0.0.1 by default).
#pragma once

#include <memory>

#include "server/context.h"

namespace rasd::http {

class Server {
 public:
  /// Opens the index, reads the token file, lists the page's files. Throws rasd errors.
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds options.host:options.port (port 0: a free one); returns the port. Throws IndexError
  /// (exit 3) when the address cannot be bound.
  int bind();
  /// Serves until stop() is called (from another thread or a signal handler's thread).
  void run();
  /// Stops accepting connections; run() returns once the requests in progress are answered.
  void stop();

  /// Settings a running server takes without a restart (a reload on SIGHUP).
  void set_token(std::string token);
  void set_access_log(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The page's folder when --web is not given: <prefix>/share/rasd/web beside an installed
/// <prefix>/bin/rasd (the Debian package's layout), else the source tree's web/ (web_dir.cc).
std::string default_web_dir();

/// The token in `path` (surrounding whitespace removed); throws InvalidInput when the file
/// cannot be read or is empty.
std::string read_token_file(const std::string& path);

}  // namespace rasd::http
