#include "cli/serve_settings.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "alerts/store_copy.h"
#include "cli/commands.h"
#include "cli/config_file.h"
#include "cli/options.h"
#include "error/error.h"
#include "index/index_reader.h"
#include "server/access.h"
#include "server/server.h"

namespace rasd::cli {
namespace fs = std::filesystem;

void declare_serve_options(CLI::App& cmd, ServeSettings& s) {
  http::ServerOptions& o = s.server;
  o.web_dir = http::default_web_dir();
  cmd.add_option("--config", s.config_file, "settings file: one 'key = value' a line, keys are these options' long "
                                            "names; the command line wins over it");
  cmd.add_flag("--check-config", s.check_config, "check the settings and what they name, then exit (0: valid)");
  add_db_option(cmd, o.db_dir, "index directory", DbNeed::Optional, ClusterUse::Yes);
  cmd.add_option("--port", o.port, "TCP port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd.add_option("--host", o.host, "address to bind; 0.0.0.0 exposes the server")->capture_default_str();
  cmd.add_option("--alerts", o.alerts_file, "alerts file (SQLite)");
  // Secrets come from files or the environment only (docs/SECURITY.md): never an argument,
  // which any user of the machine can read in the process list, nor the config file.
  cmd.add_option("--write-token-file,--token-file", o.token_file,
                 std::string("file holding the write token (ingest, alerts); or set ") + kWriteTokenEnv);
  cmd.add_option("--read-token-file", o.read_token_file,
                 std::string("file holding the read token (search, documents, alerts); or set ") + kReadTokenEnv +
                     "; required for a non-loopback --host");
  cmd.add_option("--max-connections", o.max_connections, "connections open at once")->capture_default_str();
  cmd.add_option("--max-client-connections", o.max_client_connections,
                 "connections open at once from one client address")
      ->capture_default_str();
  cmd.add_option("--search-time-limit", o.limits.max_search_ms,
                 "milliseconds a search may run before it is stopped (503); 0: no limit")
      ->capture_default_str();
  cmd.add_option("--web", o.web_dir, "folder of the page's files")->capture_default_str();
  cmd.add_option("--threads", o.threads, "worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd.add_option("--searchers", o.searchers, "concurrent searches (each keeps an open index)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd.add_option("--max-facet-docs", o.limits.max_facet_docs,
                 "facet counts visit at most this many matches (fewer: faster, counts marked inexact)")
      ->capture_default_str();
  cmd.add_option("--max-body", o.max_body_bytes, "largest request body, bytes")->capture_default_str();
  cmd.add_option("--webhook-allow", s.alerts.webhook_allow, "HOST[:PORT] alert webhooks may post to (repeatable)");
  cmd.add_option("--webhook-allow-file", s.alerts.webhook_allow_file, "file of allowed webhook HOST[:PORT], one a line");
  cmd.add_option("--log-format", s.log_format, "one line per request and event on stderr: text or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd.add_option("--shutdown-timeout", s.shutdown_timeout,
                 "seconds SIGTERM waits for requests in progress and a running alert delivery")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd.add_flag("--quiet", s.quiet, "no access log (events are still logged)");
}

void finish_serve_settings(CLI::App& cmd, ServeSettings& s) {
  if (!s.config_file.empty()) apply_config(cmd, read_config_file(s.config_file));
  const auto from_env = [](const std::string& file, const char* option, std::initializer_list<const char*> names,
                            const char* what) -> std::string {
    std::string found, value;
    for (const char* name : names) {
      const char* env = std::getenv(name);
      if (!env || !*env) continue;
      if (!found.empty()) throw InvalidInput("both " + found + " and " + name + " are set: give one of them");
      if (!file.empty()) throw InvalidInput(std::string("both ") + option + " and " + name + " are set: give one of them");
      found = name;
      value = *http::read_secret("", name, what);
    }
    return value;
  };
  s.server.write_token = from_env(s.server.token_file, "token-file", {kWriteTokenEnv, kWriteTokenOldEnv}, "write token");
  s.server.read_token = from_env(s.server.read_token_file, "read-token-file", {kReadTokenEnv}, "read token");
  s.server.access_log = !s.quiet;
  if (s.server.db_dir.empty()) throw InvalidInput("no index: give --db DIR, or 'db = DIR' in the config file");
}

ServeSettings resolve_serve_settings(const std::vector<std::string>& serve_args) {
  ServeSettings s;
  CLI::App cmd("rasd serve", "serve");
  declare_serve_options(cmd, s);
  std::vector<std::string> reversed(serve_args.rbegin(), serve_args.rend());  // CLI11 parses from the back
  try {
    cmd.parse(reversed);
  } catch (const CLI::Error& e) {
    throw InvalidInput(std::string("the command line: ") + e.what());
  }
  finish_serve_settings(cmd, s);
  return s;
}

int check_serve_settings(const ServeSettings& s) {
  const http::ServerOptions& o = s.server;
  std::string problems;
  const auto check = [&](const std::string& what, const auto& fn) {
    try {
      fn();
    } catch (const std::exception& e) {
      problems += fmt::format("rasd: {}: {}\n", what, e.what());
    }
  };
  std::uint32_t documents = 0;
  check("index", [&] {
    const IndexReader reader(o.db_dir);
    reader.make_analyzer();  // VersionMismatch: the index needs `rasd reindex`
    documents = reader.db().get_doccount();
  });
  std::string token = "none (changes over HTTP refused)";
  std::string read_token = "none (reads open to loopback)";
  check("tokens", [&] {
    const http::Tokens t = http::load_tokens(o);
    if (!t.write.empty()) token = o.token_file.empty() ? "from the environment" : o.token_file;
    if (!t.read.empty()) read_token = o.read_token_file.empty() ? "from the environment" : o.read_token_file;
    if (!http::is_loopback_host(o.host) && t.read.empty())
      throw InvalidInput("host " + o.host + " is not a loopback address: give read-token-file (or " +
                         kReadTokenEnv + ")");
  });
  std::string alerts = "none";
  if (!o.alerts_file.empty()) {
    check("alerts", [&] {
      if (fs::exists(o.alerts_file)) {
        const alerts::StoreSummary a = alerts::inspect_store(o.alerts_file);
        alerts = fmt::format("{} ({} alerts)", o.alerts_file, a.alerts);
      } else {
        const fs::path parent = fs::absolute(o.alerts_file).parent_path();
        if (!fs::is_directory(parent)) throw InvalidInput("its folder " + parent.string() + " does not exist");
        alerts = o.alerts_file + " (created at start)";
      }
    });
  }
  if (!s.alerts.webhook_allow_file.empty())
    check("webhook-allow-file", [&] {
      if (!fs::is_regular_file(s.alerts.webhook_allow_file)) throw InvalidInput("cannot read " + s.alerts.webhook_allow_file);
    });
  check("web", [&] {
    if (!fs::is_regular_file(fs::path(o.web_dir) / "index.html"))
      throw InvalidInput("no index.html in " + o.web_dir);
  });
  if (!problems.empty()) {
    std::cerr << problems;
    return kExitUsage;
  }
  fmt::print("the settings are valid{}: {} ({} documents) at http://{}:{}/, alerts {}, write token {}, read token {}, "
             "log {}\n",
             s.config_file.empty() ? "" : " (" + s.config_file + ")", o.db_dir, documents, o.host, o.port, alerts,
             token, read_token, s.log_format);
  return kExitOk;
}

}  // namespace rasd::cli
