// What `rasd serve` runs with: its options, read from the command line over the config file
// (--config) over the environment's secret, resolved the same way at start and on SIGHUP.
#pragma once

#include <string>
#include <vector>

#include "server/alerts_runtime.h"
#include "server/context.h"

namespace CLI {
class App;
}

namespace rasd::cli {

/// The environment variables that may hold the tokens (instead of write-token-file and
/// read-token-file; docs/SECURITY.md). RASD_INGEST_TOKEN is the write token's older name.
inline constexpr const char* kWriteTokenEnv = "RASD_WRITE_TOKEN";
inline constexpr const char* kWriteTokenOldEnv = "RASD_INGEST_TOKEN";
inline constexpr const char* kReadTokenEnv = "RASD_READ_TOKEN";

struct ServeSettings {
  http::ServerOptions server;
  http::AlertsServeOptions alerts;
  std::string config_file;
  bool check_config = false;
  bool quiet = false;
  std::string log_format = "text";
  int shutdown_timeout = 10;  // seconds SIGTERM waits for requests and an alert delivery
};

/// Declares serve's options on `cmd`, bound to `s` (defaults filled in).
void declare_serve_options(CLI::App& cmd, ServeSettings& s);

/// After `cmd` parsed its command line: applies the config file it names, the token from the
/// environment, and checks what must be set. Throws InvalidInput naming the file, line or option.
void finish_serve_settings(CLI::App& cmd, ServeSettings& s);

/// Resolves the settings again from serve's own arguments (what followed `serve` on the command
/// line), as a reload does: the config file is read anew.
ServeSettings resolve_serve_settings(const std::vector<std::string>& serve_args);

/// `--check-config`: opens what the settings name (index, token file, alerts file, web folder)
/// without serving, prints what would run, and returns the exit code. Throws on a problem.
int check_serve_settings(const ServeSettings& s);

}  // namespace rasd::cli
