// `rasd reindex`: rebuild an index in place from its stored documents with this rasd's analyzer.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "admin/reindex.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {

void add_reindex(CLI::App& app, Run& run) {
  auto o = std::make_shared<ReindexOptions>();
  auto quiet = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "reindex", "Rebuild an index in place from its stored documents with this rasd's analyzer (after an upgrade)");
  add_db_option(*cmd, o->db_dir, "The index folder (searches go on while it is rebuilt; writers wait for the end)");
  cmd->add_option("--gazetteer", o->gazetteer_dir, "A folder of extra gazetteer entries");
  cmd->add_option("--threads", o->threads, "Analysis threads (default: one per core)");
  cmd->add_option("--batch", o->batch_size, "Documents per commit of the new index")->capture_default_str();
  cmd->add_flag("--quiet", *quiet, "No progress lines");
  cmd->callback([o, quiet, &run] {
    const bool show = !*quiet && isatty(STDERR_FILENO);
    auto last = std::chrono::steady_clock::now();
    const ReindexSummary s = reindex(*o, [&](std::size_t done, std::size_t total) {
      const auto now = std::chrono::steady_clock::now();
      if (!show || (now - last < std::chrono::seconds(1) && done < total)) return;
      last = now;
      fmt::print(stderr, "\rrasd: re-indexed {} of {} documents", done, total);
      if (done == total) fmt::print(stderr, "\n");
    });
    fmt::print("re-indexed {} documents in {:.1f} s ({:.0f} docs/s): {} -> {}\n", s.documents, s.seconds,
               s.seconds > 0 ? s.documents / s.seconds : 0, s.from_analyzer, s.to_analyzer);
    run.exit_code = kExitOk;
  });
}

}  // namespace rasd::cli
