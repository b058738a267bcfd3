// The subcommands of the `rasd` binary. Each lives in its own file and registers itself on the
// CLI11 app; its callback stores the exit code in `exit_code`.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rasd::cli {

/// Shared state of one command-line run: its arguments (after the program name) and the exit
/// code the chosen subcommand asks for.
struct Run {
  std::vector<std::string> args;
  int exit_code = 0;
};

void add_analyze(CLI::App& app, Run& run);
void add_index(CLI::App& app, Run& run);
void add_search(CLI::App& app, Run& run);
void add_show(CLI::App& app, Run& run);
void add_stats(CLI::App& app, Run& run);
void add_serve(CLI::App& app, Run& run);
void add_alerts(CLI::App& app, Run& run);
void add_backup(CLI::App& app, Run& run);  // backup and restore
void add_reindex(CLI::App& app, Run& run);

/// Exit codes (DESIGN.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoHits = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIndex = 3;

}  // namespace rasd::cli
