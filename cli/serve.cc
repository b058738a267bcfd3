// `rasd serve`: the HTTP API and the search page over one index.
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "server/alerts_runtime.h"
#include "server/server.h"

namespace rasd::cli {
namespace {

// Blocks SIGINT/SIGTERM in every thread (workers inherit the mask) and stops the server from
// one waiting thread when one arrives, so shutdown needs no global state.
std::thread stop_on_signal(http::Server& server) {
  // A shell starts background jobs with SIGINT ignored; an ignored signal never becomes
  // pending, so sigwait() would not see it. Restore the default first (it stays blocked).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return std::thread([set, &server] {
    int sig = 0;
    sigwait(&set, &sig);
    server.stop();
  });
}

}  // namespace

void add_serve(CLI::App& app, Run& run) {
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the search page over an index");
  auto options = std::make_shared<http::ServerOptions>();
  options->web_dir = http::default_web_dir();
  add_db_option(*cmd, options->db_dir, "index directory");
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")->capture_default_str();
  cmd->add_option("--host", options->host, "address to bind; 0.0.0.0 exposes the server")->capture_default_str();
  cmd->add_option("--alerts", options->alerts_file, "alerts file (SQLite)");
  cmd->add_option("--token-file", options->token_file, "file holding the bearer token that allows POST /api/documents");
  cmd->add_option("--web", options->web_dir, "folder of the page's files")->capture_default_str();
  cmd->add_option("--threads", options->threads, "worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--searchers", options->searchers, "concurrent searches (each keeps an open index)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->add_option("--max-facet-docs", options->limits.max_facet_docs,
                  "facet counts visit at most this many matches (fewer: faster, counts marked inexact)")
      ->capture_default_str();
  cmd->add_option("--max-body", options->max_body_bytes, "largest request body, bytes")->capture_default_str();
  auto alerts = std::make_shared<http::AlertsServeOptions>();
  cmd->add_option("--webhook-allow", alerts->webhook_allow, "HOST[:PORT] alert webhooks may post to (repeatable)");
  cmd->add_option("--webhook-allow-file", alerts->webhook_allow_file, "file of allowed webhook HOST[:PORT], one a line");
  cmd->add_flag("--quiet", [options](std::int64_t) { options->access_log = false; }, "no access log");
  cmd->callback([options, alerts, &run] {
    // The alerts runtime adds its routes to the options, so it is built before the server.
    std::unique_ptr<http::AlertsRuntime> alerts_runtime;
    if (!options->alerts_file.empty()) alerts_runtime = std::make_unique<http::AlertsRuntime>(*options, *alerts);
    http::Server server(*options);
    const int port = server.bind();
    std::cerr << "rasd: serving " << options->db_dir << " at http://" << options->host << ':' << port << "/\n";
    std::thread waiter = stop_on_signal(server);
    server.run();
    waiter.detach();  // still waiting when run() ended for another reason
    run.exit_code = kExitOk;
  });
}

}  // namespace rasd::cli
