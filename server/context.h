// What the server is started with, and the state its handlers share while it runs.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "server/event_log.h"
#include "server/metrics.h"
#include "server/routes.h"
#include "server/searcher_pool.h"
#include "server/shared_secret.h"
#include "server/static_files.h"
#include "searcher/searcher.h"

namespace rasd::http {

/// How `rasd serve` runs: addresses, files and every limit of the hardening.
struct ServerOptions {
  std::string db_dir;
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port (tests)
  std::string web_dir;         // the page's files
  std::string token_file;      // bearer token for POST /api/documents; "" disables ingest
  std::string token;           // the token itself (from the environment) when token_file is ""
  std::string alerts_file;     // for the alerts routes (extra_routes)
  // Worker threads. Each holds one connection (keep-alive included), so there are enough for
  // many clients; concurrent searches are bounded separately by the Searcher pool.
  std::size_t threads = 64;
  std::size_t searchers = 4;   // Searchers in the pool: concurrent searches (CPU-bound)
  std::size_t queue = 64;      // accepted connections waiting for a worker
  std::size_t max_body_bytes = 32u << 20;
  std::size_t max_header_count = 64;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_seconds = 2;  // an idle keep-alive connection holds a worker this long
  std::size_t keep_alive_requests = 100;
  bool access_log = true;      // one line per request on stderr
  const EventLog* log = nullptr;  // where requests and events go; null: a text log on stderr
  QueryLimits limits;
  std::vector<Route> extra_routes;  // added by other features (alerts) to the one route table
};

/// Shared by all handlers; lives as long as the server.
struct ServerContext {
  const ServerOptions& options;
  SearcherPool& pool;
  Metrics& metrics;
  const StaticFiles& files;
  const std::vector<Route>& routes;
  SharedSecret token;         // "" when ingest is disabled; replaced by a reload
  std::mutex ingest_mutex;    // one in-process writer at a time
};

}  // namespace rasd::http
