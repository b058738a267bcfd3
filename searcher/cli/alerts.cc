// Placeholder until the `alerts` subcommand lands; replaced by its real implementation.
#include <CLI/CLI.hpp>

#include "analyzers/error.h"
#include "searcher/cli/commands.h"

namespace rasd::cli {

void add_alerts(CLI::App& app, Run& /*run*/) {
  auto* cmd = app.add_subcommand("alerts", "(not available yet)");
  cmd->allow_extras();
  cmd->callback([] { throw InvalidInput("the 'alerts' command is not available in this build yet"); });
}

}  // namespace rasd::cli
