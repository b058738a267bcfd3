// rasd: one binary, one subcommand per job. main() is the only place that turns errors into
// exit codes and messages (one clear sentence on stderr).
#include <iostream>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "error/error.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace rasd::cli;
  CLI::App app{"rasd: full-text search for Arabic security reporting", "rasd"};
  app.set_version_flag("--version", "rasd " RASD_VERSION);
  app.require_subcommand(1);
  Run run;
  run.args.assign(argv + 1, argv + argc);
  add_analyze(app, run);
  add_index(app, run);
  add_search(app, run);
  add_show(app, run);
  add_stats(app, run);
  add_serve(app, run);
  add_alerts(app, run);
  add_backup(app, run);
  add_reindex(app, run);
  try {
    app.parse(argc, argv);
    return run.exit_code;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const rasd::NotFound& e) {
    std::cerr << "rasd: " << e.what() << '\n';
    return kExitNoHits;
  } catch (const rasd::InvalidInput& e) {
    std::cerr << "rasd: " << e.what() << '\n';
    return kExitUsage;
  } catch (const rasd::IndexError& e) {
    std::cerr << "rasd: " << e.what() << '\n';
    return kExitIndex;
  } catch (const Xapian::Error& e) {
    std::cerr << "rasd: index error: " << e.get_description() << '\n';
    return kExitIndex;
  } catch (const std::exception& e) {
    std::cerr << "rasd: " << e.what() << '\n';
    return kExitIndex;
  }
}
