// `rasd alerts`: add, list, show, remove and run saved alerts (run = one pass, for cron or a
// systemd timer), and print an alert's Atom feed.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "error/error.h"
#include "alerts/feed.h"
#include "alerts/service.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "searcher/searcher.h"

namespace rasd::cli {
namespace {

using namespace rasd::alerts;

struct AlertsArgs {
  std::string db, alerts_file;
  std::vector<std::string> allow;
  std::string allow_file;
  bool json = false;
  // add
  AlertSpec spec;
  std::string every = "1h";
  std::string jsonl, webhook;
  // show / remove / run / feed
  std::int64_t id = 0;
  std::size_t limit = 20;
  std::size_t threads = 2;
  bool all = false;
  std::string base_url;
};

WebhookAllowList allow_list(const AlertsArgs& a) {
  std::vector<std::string> entries = a.allow;
  if (!a.allow_file.empty())
    for (std::string& e : read_allow_file(a.allow_file)) entries.push_back(std::move(e));
  return WebhookAllowList(entries);
}

const std::string& need_db(const AlertsArgs& a) {
  if (a.db.empty()) throw InvalidInput("this command needs the index: --db DIR");
  return a.db;
}

void print_alert(const Alert& a, bool json) {
  if (json) {
    std::cout << to_json(a).dump() << '\n';
    return;
  }
  fmt::print("{:>4}  {:<24} every {:<4} last run {:<20} new {:>4} total {:>5}  query: {}{}\n", a.id, a.spec.name,
             format_interval(a.spec.every), a.last_run ? format_time(a.last_run) : "never", a.last_new_hits,
             a.total_hits, a.spec.query,
             (alert_status(a) == "failing" ? "  FAILING: webhook failed " + std::to_string(a.webhook_failures) +
                                                " deliveries in a row" +
                                                (a.webhook_error ? " (" + *a.webhook_error + ")" : std::string())
                                          : std::string()) +
                 (a.last_error ? "  ERROR: " + *a.last_error : ""));
}

void add_alert_command(CLI::App& parent, std::shared_ptr<AlertsArgs> a, Run& run) {
  auto* cmd = parent.add_subcommand("add", "Save a query as an alert; it reports documents indexed from now on");
  cmd->add_option("--name", a->spec.name, "a name for people")->required();
  cmd->add_option("--query", a->spec.query, "the query, as for rasd search")->required();
  add_filter_options(*cmd, a->spec.filters);
  cmd->add_option("--every", a->every, "schedule: 15m, 1h, 1d ...")->capture_default_str();
  cmd->add_option("--jsonl", a->jsonl, "append one JSON line per notification to this file");
  cmd->add_option("--webhook", a->webhook, "POST notifications to this URL (host must be on --webhook-allow)");
  cmd->callback([a, &run] {
    a->spec.every = parse_interval(a->every);
    if (!a->jsonl.empty()) a->spec.jsonl_path = std::filesystem::absolute(a->jsonl).string();
    if (!a->webhook.empty()) a->spec.webhook_url = a->webhook;
    Searcher searcher(need_db(*a));
    SearcherIndex index(searcher);
    AlertStore store(a->alerts_file);
    const CreatedAlert created = create_alert(store, a->spec, allow_list(*a), index, now_utc());
    if (a->json) {
      nlohmann::json j = to_json(created.alert);
      j["feed_url"] = feed_path(created.feed_secret);
      std::cout << j.dump() << '\n';
    } else {
      fmt::print("alert {} saved; it reports documents indexed after sequence {}\nits feed (keep it secret; "
                 "`rasd alerts feed-url {}` makes a new one): {}\n",
                 created.alert.id, created.alert.watermark, created.alert.id, feed_path(created.feed_secret));
    }
    run.exit_code = kExitOk;
  });
}

void add_list_show_remove(CLI::App& parent, std::shared_ptr<AlertsArgs> a, Run& run) {
  auto* list = parent.add_subcommand("list", "List alerts with their last run, new hits and errors");
  list->callback([a, &run] {
    AlertStore store(a->alerts_file);
    for (const Alert& alert : store.list()) print_alert(alert, a->json);
    run.exit_code = kExitOk;
  });

  auto* show = parent.add_subcommand("show", "Show one alert and its recent notifications");
  show->add_option("ID", a->id, "alert id")->required();
  show->add_option("--limit", a->limit, "notifications to show")->capture_default_str();
  show->callback([a, &run] {
    AlertStore store(a->alerts_file);
    const Alert alert = store.get(a->id);
    print_alert(alert, a->json);
    for (const Notification& n : store.recent(alert.id, a->limit)) {
      if (a->json) {
        std::cout << to_json(n, alert.spec.name).dump() << '\n';
        continue;
      }
      std::string copies;
      for (const Copy& c : n.hit.copy_list) copies += " " + c.source + ":" + c.id;
      fmt::print("  {}  {:<28} {:<10} {}  {}{}\n", format_time(n.found), n.hit.id, n.hit.source,
                 n.hit.published.empty() ? "-" : n.hit.published, n.hit.title, copies.empty() ? "" : "  (copies:" + copies + ")");
    }
    run.exit_code = kExitOk;
  });

  auto* remove = parent.add_subcommand("remove", "Delete an alert, its notifications and its feed");
  remove->add_option("ID", a->id, "alert id")->required();
  remove->callback([a, &run] {
    AlertStore store(a->alerts_file);
    store.remove(a->id);
    if (!a->json) fmt::print("alert {} removed\n", a->id);
    run.exit_code = kExitOk;
  });

  auto* feed_url = parent.add_subcommand("feed-url", "Give an alert a new secret feed address (the old one stops working)");
  feed_url->add_option("ID", a->id, "alert id")->required();
  feed_url->add_flag("--revoke", a->all, "revoke the feed address without a new one");
  feed_url->callback([a, &run] {
    AlertStore store(a->alerts_file);
    if (a->all) {
      store.revoke_feed(a->id);
      if (!a->json) fmt::print("alert {}: feed address revoked\n", a->id);
    } else {
      const std::string path = feed_path(store.new_feed_secret(a->id));
      if (a->json)
        std::cout << nlohmann::json{{"id", a->id}, {"feed_url", path}}.dump() << '\n';
      else
        fmt::print("alert {}: new feed address (the old one no longer works): {}\n", a->id, path);
    }
    run.exit_code = kExitOk;
  });

  auto* feed = parent.add_subcommand("feed", "Print an alert's Atom feed (e.g. to publish as a static file)");
  feed->add_option("ID", a->id, "alert id")->required();
  feed->add_option("--base-url", a->base_url, "absolute address of rasd serve, for the feed's links");
  feed->add_option("--limit", a->limit, "entries")->capture_default_str();
  feed->callback([a, &run] {
    AlertStore store(a->alerts_file);
    const Alert alert = store.get(a->id);
    std::cout << atom_feed(alert, store.recent(alert.id, a->limit), {a->base_url});
    run.exit_code = kExitOk;
  });
}

void print_summary(const RunSummary& s, bool json) {
  if (json) {
    std::cout << nlohmann::json{{"alert_id", s.alert_id}, {"name", s.name}, {"new_hits", s.new_hits},
                                {"jsonl_lines", s.jsonl_lines}, {"webhook_posts", s.webhook_posts},
                                {"error", s.error ? nlohmann::json(*s.error) : nlohmann::json(nullptr)}}
                     .dump()
              << '\n';
    return;
  }
  fmt::print("alert {} ({}): {} new, {} JSONL line(s), {} webhook POST(s){}\n", s.alert_id, s.name, s.new_hits,
             s.jsonl_lines, s.webhook_posts, s.error ? "; error: " + *s.error : "");
}

void add_run_command(CLI::App& parent, std::shared_ptr<AlertsArgs> a, Run& run) {
  auto* cmd = parent.add_subcommand("run", "One pass over the due alerts (or ID, or --all); exit 0 when nothing is new");
  cmd->add_option("ID", a->id, "run this alert now, whatever its schedule");
  cmd->add_flag("--all,--force", a->all, "run every alert, due or not");
  cmd->add_option("--threads", a->threads, "alerts evaluated in parallel (one open index each)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  cmd->callback([a, &run] {
    RunnerConfig config;
    config.webhook_allow = allow_list(*a);
    // Tests only: exit abruptly at a named step to prove that a crash loses nothing.
    if (const char* crash = std::getenv("RASD_ALERTS_CRASH_AT")) config.crash_at = parse_crash_point(crash);
    std::vector<std::unique_ptr<Searcher>> searchers;
    std::vector<std::unique_ptr<SearcherIndex>> views;
    std::vector<AlertIndex*> indexes;
    for (std::size_t i = 0; i < (a->id != 0 ? 1 : a->threads); ++i) {
      searchers.push_back(std::make_unique<Searcher>(need_db(*a)));
      views.push_back(std::make_unique<SearcherIndex>(*searchers.back()));
      indexes.push_back(views.back().get());
    }
    AlertStore store(a->alerts_file);
    AlertRunner runner(store, indexes, config);
    std::vector<RunSummary> summaries;
    if (a->id != 0)
      summaries.push_back(runner.run_one(a->id, now_utc()));
    else
      summaries = runner.run(a->all ? Selection::All : Selection::Due, now_utc());
    bool failed = false;
    for (const RunSummary& s : summaries) {
      print_summary(s, a->json);
      failed = failed || s.error.has_value();
    }
    // Nothing new is success; a failed delivery or search is an I/O error for cron to report.
    run.exit_code = failed ? kExitIndex : kExitOk;
  });
}

}  // namespace

void add_alerts(CLI::App& app, Run& run) {
  auto a = std::make_shared<AlertsArgs>();
  auto* cmd = app.add_subcommand("alerts", "Saved alerts: add, list, show, remove, run, feed, feed-url");
  add_db_option(*cmd, a->db, "index directory (needed by add and run)", DbNeed::Optional, ClusterUse::Yes);
  cmd->add_option("--alerts", a->alerts_file, "alerts file (SQLite; created when missing)")->required();
  cmd->add_option("--webhook-allow", a->allow, "HOST or HOST:PORT webhooks may reach, repeatable");
  cmd->add_option("--webhook-allow-file", a->allow_file, "file of allowed webhook hosts, one per line");
  add_json_flag(*cmd, a->json, "JSON lines output");
  cmd->require_subcommand(1);
  add_alert_command(*cmd, a, run);
  add_list_show_remove(*cmd, a, run);
  add_run_command(*cmd, a, run);
  // `rasd alerts add --alerts F ...` works as well as `rasd alerts --alerts F add ...`.
  for (CLI::App* sub : cmd->get_subcommands({})) sub->fallthrough();
}

}  // namespace rasd::cli
