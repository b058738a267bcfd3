// `rasd serve`: the HTTP API and the search page over one index, with its lifecycle: settings
// from the command line and --config, a log line per request and per event, SIGTERM/SIGINT
// finish what is in progress (bounded by --shutdown-timeout), SIGHUP reloads.
#include <csignal>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/serve_settings.h"
#include "server/alerts_runtime.h"
#include "server/event_log.h"
#include "server/server.h"

namespace rasd::cli {
namespace {

// Blocks the signals in this thread before any other starts, so every thread inherits the mask
// and only the waiting thread takes them (sigwait). A shell starts background jobs with SIGINT
// ignored; an ignored signal never becomes pending, so the default is restored first.
sigset_t block_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(sig, SIG_DFL);
    sigaddset(&set, sig);
  }
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Ends the process if shutdown takes longer than allowed (a request or a webhook that hangs).
class ShutdownDeadline {
 public:
  ShutdownDeadline(const http::EventLog& log, int seconds) : thread_([this, &log, seconds] {
    std::unique_lock lock(mutex_);
    if (!done_cv_.wait_for(lock, std::chrono::seconds(seconds), [this] { return done_; })) {
      log.event("shutdown_timeout", {{"seconds", seconds}, {"detail", "requests or an alert delivery still running"}},
                "error");
      std::_Exit(kExitIndex);
    }
  }) {}
  ~ShutdownDeadline() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

// SIGHUP: the settings resolved again; what a running server can take is applied, the rest is
// named as needing a restart.
void reload(http::Server& server, http::EventLog& log, const ServeSettings& running,
            const std::vector<std::string>& serve_args) {
  try {
    const ServeSettings fresh = resolve_serve_settings(serve_args);
    const http::ServerOptions& a = running.server;
    const http::ServerOptions& b = fresh.server;
    http::ServerOptions with_log = b;
    with_log.log = &log;  // a warning about a token file goes to the server's log
    server.set_tokens(http::load_tokens(with_log));
    server.set_access_log(b.access_log);
    log.set_format(http::parse_log_format(fresh.log_format));
    nlohmann::json restart = nlohmann::json::array();
    const auto differs = [&](const char* key, bool changed) {
      if (changed) restart.push_back(key);
    };
    differs("db", a.db_dir != b.db_dir);
    differs("host", a.host != b.host);
    differs("port", a.port != b.port);
    differs("alerts", a.alerts_file != b.alerts_file);
    differs("web", a.web_dir != b.web_dir);
    differs("threads", a.threads != b.threads);
    differs("searchers", a.searchers != b.searchers);
    differs("max-body", a.max_body_bytes != b.max_body_bytes);
    differs("max-facet-docs", a.limits.max_facet_docs != b.limits.max_facet_docs);
    differs("max-connections", a.max_connections != b.max_connections);
    differs("max-client-connections", a.max_client_connections != b.max_client_connections);
    differs("search-time-limit", a.limits.max_search_ms != b.limits.max_search_ms);
    differs("webhook-allow", running.alerts.webhook_allow != fresh.alerts.webhook_allow ||
                                 running.alerts.webhook_allow_file != fresh.alerts.webhook_allow_file);
    log.event("reloaded", {{"config", fresh.config_file}, {"applied", {"tokens", "log-format", "quiet"}},
                           {"changed_need_restart", restart}},
              restart.empty() ? "info" : "warning");
  } catch (const std::exception& e) {
    log.event("reload_failed", {{"error", e.what()}, {"detail", "the running settings stay"}}, "error");
  }
}

int serve(const ServeSettings& settings, const std::vector<std::string>& serve_args) {
  const sigset_t signals = block_signals();
  http::EventLog log(http::parse_log_format(settings.log_format));
  http::ServerOptions options = settings.server;
  options.log = &log;
  http::AlertsServeOptions alerts_options = settings.alerts;
  alerts_options.log = &log;
  // The alerts runtime adds its routes to the options, so it is built before the server.
  std::unique_ptr<http::AlertsRuntime> alerts;
  if (!options.alerts_file.empty()) alerts = std::make_unique<http::AlertsRuntime>(options, alerts_options);
  http::Server server(options);
  const int port = server.bind();
  log.event("serving", {{"db", options.db_dir}, {"url", "http://" + options.host + ":" + std::to_string(port) + "/"},
                        {"alerts", options.alerts_file}, {"config", settings.config_file},
                        {"pid", static_cast<long>(::getpid())}});
  std::thread waiter([&] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        reload(server, log, settings, serve_args);
        continue;
      }
      log.event("stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"},
                             {"timeout_seconds", settings.shutdown_timeout}});
      server.stop();
      return;
    }
  });
  server.run();  // returns once stopped and every request in progress is answered
  const auto start = std::chrono::steady_clock::now();
  {
    const ShutdownDeadline deadline(log, settings.shutdown_timeout);
    waiter.join();
    alerts.reset();  // waits for a running pass: its deliveries finish and are recorded
  }
  log.event("stopped", {{"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()}});
  return kExitOk;
}

// What followed `serve` on the command line: a reload parses it again.
std::vector<std::string> serve_arguments(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i)
    if (args[i] == "serve") return {args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end()};
  return {};
}

}  // namespace

void add_serve(CLI::App& app, Run& run) {
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the search page over an index");
  auto settings = std::make_shared<ServeSettings>();
  declare_serve_options(*cmd, *settings);
  cmd->callback([cmd, settings, &run] {
    finish_serve_settings(*cmd, *settings);
    if (settings->check_config) {
      run.exit_code = check_serve_settings(*settings);
      return;
    }
    run.exit_code = serve(*settings, serve_arguments(run.args));
  });
}

}  // namespace rasd::cli
