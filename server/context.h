// What the server is started with, and the state its handlers share while it runs.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "server/access.h"
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
  // Tokens (server/access.h, docs/SECURITY.md): from files, or given as values by the command
  // line's reading of RASD_WRITE_TOKEN / RASD_READ_TOKEN; never from arguments.
  std::string token_file;      // the write token (ingest, alerts); "" with no write_token: changes disabled
  std::string read_token_file; // the read token; required when `host` is not a loopback address
  std::string write_token, read_token;
  std::string alerts_file;     // for the alerts routes (extra_routes)
  // Worker threads. A worker holds a connection only while it serves a request: heads are read,
  // and idle keep-alive connections wait, on the front door's one thread (front_door.h).
  std::size_t threads = 16;
  std::size_t searchers = 4;   // Searchers in the pool: concurrent searches (CPU-bound)
  std::size_t queue = 256;     // admitted requests waiting for a worker; more are answered 503
  std::size_t max_body_bytes = 32u << 20;
  std::size_t max_alert_body_bytes = 64u << 10;  // POST /api/alerts and other JSON bodies
  std::size_t max_header_count = 64;
  std::size_t max_connections = 512;             // open at once
  std::size_t max_client_connections = 64;       // open at once from one address
  std::chrono::milliseconds head_timeout{10000}; // the whole request head, first byte to blank line
  std::chrono::milliseconds body_timeout{60000}; // a whole request body
  std::chrono::milliseconds search_wait{5000};   // a request waits this long for a search slot; then 503
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_seconds = 5;  // an idle keep-alive connection is closed after this long
  std::size_t keep_alive_requests = 100;
  bool access_log = true;      // one line per request on stderr
  const EventLog* log = nullptr;  // where requests and events go; null: a text log on stderr
  QueryLimits limits{.max_search_ms = 1000};  // a search is stopped after 1 s of its time (503)
  std::vector<Route> extra_routes;  // added by other features (alerts) to the one route table
  // More Prometheus text for /metrics (alerts' delivery state, the front door's counters).
  std::vector<std::function<std::string()>> metric_sources;
};

/// Shared by all handlers; lives as long as the server.
struct ServerContext {
  const ServerOptions& options;
  SearcherPool& pool;
  Metrics& metrics;
  const StaticFiles& files;
  const std::vector<Route>& routes;
  SharedTokens tokens;        // "" where not configured; replaced by a reload (SIGHUP)
  std::mutex ingest_mutex;    // one in-process writer at a time
};

}  // namespace rasd::http
