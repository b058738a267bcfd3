// `rasd serve`: the HTTP API and the search page over one index, hardened for exposure (tokens,
// bounded heads and bodies before they are read, connection caps, lanes that keep health checks
// apart from searches, 127.0.0.1 by default; docs/SECURITY.md).
#pragma once

#include <memory>

#include "server/context.h"

namespace rasd::http {

class Server {
 public:
  /// Opens the index, reads the tokens, lists the page's files. Throws rasd errors; InvalidInput
  /// for a non-loopback host without a read token.
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
  /// New tokens (load_tokens); throws InvalidInput, keeping the old ones, when the server listens
  /// on a non-loopback address and the new read token is empty.
  void set_tokens(Tokens tokens);
  void set_access_log(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The page's folder when --web is not given: <prefix>/share/rasd/web beside an installed
/// <prefix>/bin/rasd (the Debian package's layout), else the source tree's web/ (web_dir.cc).
std::string default_web_dir();

/// The tokens `o` names (files, or the values given from the environment), checked: at least 16
/// characters, no blanks, each given once, read and write different. Throws InvalidInput.
Tokens load_tokens(const ServerOptions& o);

}  // namespace rasd::http
