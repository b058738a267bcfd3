// `rasd stats`: documents, terms, size on disk, analyzer, last commit of an index.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "index/index_reader.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {
namespace {

struct StatsArgs {
  std::string db;
  bool json = false;
};

int run_stats(const StatsArgs& args) {
  const IndexReader reader(args.db);
  const IndexStats s = index_stats(reader);
  if (args.json) {
    const nlohmann::json j = {{"documents", s.documents}, {"terms", s.terms}, {"bytes", s.bytes},
                              {"analyzer", s.analyzer}, {"stemmer", s.stemmer}, {"schema", s.schema_version},
                              {"last_commit", s.last_commit}, {"next_sequence", s.next_sequence}};
    std::cout << j.dump() << '\n';
    return kExitOk;
  }
  fmt::print("documents:   {}\nterms:       {}\nsize:        {:.1f} MB ({} bytes)\nanalyzer:    {}\n"
             "stemmer:     {}\nschema:      {}\nlast commit: {}\n",
             s.documents, s.terms, s.bytes / 1e6, s.bytes, s.analyzer, s.stemmer, s.schema_version,
             s.last_commit.empty() ? "never" : s.last_commit);
  return kExitOk;
}

}  // namespace

void add_stats(CLI::App& app, Run& run) {
  auto args = std::make_shared<StatsArgs>();
  auto* cmd = app.add_subcommand("stats", "Documents, terms, size, analyzer and last commit of an index");
  add_db_option(*cmd, args->db, "The index folder", DbNeed::Required, ClusterUse::Yes);
  add_json_flag(*cmd, args->json, "One JSON object: documents, terms, bytes, analyzer, ...");
  cmd->callback([args, &run] { run.exit_code = run_stats(*args); });
}

}  // namespace rasd::cli
