// `rasd backup` and `rasd restore`: a consistent snapshot of a live index and its alerts store,
// and putting one back.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "admin/backup.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {
namespace {

void print_manifest(const char* what, const BackupManifest& m, const std::string& where, bool json) {
  if (json) {
    nlohmann::json j = {{"folder", where},         {"revision", m.revision},      {"documents", m.documents},
                        {"next_sequence", m.next_sequence}, {"bytes", m.index_bytes}, {"analyzer", m.analyzer},
                        {"writer_pause_seconds", m.writer_pause_seconds}};
    if (m.has_alerts) j["alerts"] = m.alerts;
    std::cout << j.dump() << '\n';
    return;
  }
  fmt::print("{} {}: index revision {}, {} documents (sequence < {}), {:.1f} MB", what, where, m.revision, m.documents,
             m.next_sequence, m.index_bytes / 1e6);
  if (m.has_alerts) fmt::print("; {} alerts", m.alerts);
  if (m.writer_pause_seconds > 0) fmt::print("; writers paused {:.2f} s", m.writer_pause_seconds);
  fmt::print("\n");
}

}  // namespace

void add_backup(CLI::App& app, Run& run) {
  auto o = std::make_shared<BackupOptions>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("backup", "Back up a live index (one committed revision) and its alerts file");
  add_db_option(*cmd, o->db_dir, "The index folder (it may be in use: writers pause for the copy)");
  cmd->add_option("--alerts", o->alerts_file, "The alerts file (SQLite) to copy with it");
  cmd->add_option("out", o->out, "The backup folder to write (must not exist)")->required();
  cmd->add_flag("--no-check", [o](std::int64_t) { o->check = false; }, "Skip Xapian's check of the copy");
  add_json_flag(*cmd, *json, "Print the manifest as one JSON line");
  cmd->callback([o, json, &run] {
    o->rasd_version = RASD_VERSION;
    print_manifest("backup", backup(*o), o->out, *json);
    run.exit_code = kExitOk;
  });

  auto r = std::make_shared<RestoreOptions>();
  auto* restore_cmd = app.add_subcommand("restore", "Restore a backup: the index (exchanged in one step) and its alerts");
  restore_cmd->add_option("backup", r->backup_dir, "A folder written by rasd backup")->required();
  add_db_option(*restore_cmd, r->db_dir, "The index folder to restore into");
  restore_cmd->add_option("--alerts", r->alerts_file, "The alerts file to restore into");
  restore_cmd->add_flag("--replace", r->replace, "Replace an existing index and alerts file");
  restore_cmd->callback([r, &run] {
    print_manifest("restored", restore(*r), r->db_dir, false);
    run.exit_code = kExitOk;
  });
}

}  // namespace rasd::cli
