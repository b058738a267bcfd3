// `rasd stats`: documents, terms, size on disk, analyzer, last commit of an index; of a cluster,
// each shard too (its documents, the server it is read from, or that it is out).
#include <algorithm>
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
    nlohmann::json j = {{"documents", s.documents}, {"terms", s.terms}, {"bytes", s.bytes},
                        {"analyzer", s.analyzer}, {"stemmer", s.stemmer}, {"schema", s.schema_version},
                        {"last_commit", s.last_commit}, {"next_sequence", s.next_sequence}};
    if (!s.shards.empty()) {
      // A cluster: each shard, the server it is read from, and those left out (as a search says).
      nlohmann::json shards = nlohmann::json::array(), failed = nlohmann::json::array();
      for (const ShardState& st : s.shards) {
        shards.push_back({{"shard", st.name}, {"server", st.server}, {"replica", st.replica}, {"documents", st.documents},
                          {"up", !st.server.empty()}});
        if (st.server.empty()) failed.push_back(st.name);
      }
      j["shards"] = shards;
      if (!failed.empty()) {
        j["partial"] = true;
        j["failed_shards"] = failed;
      }
    }
    std::cout << j.dump() << '\n';
    return kExitOk;
  }
  fmt::print("documents:   {}\nterms:       {}\n", s.documents, s.terms);
  if (!s.shards.empty()) {
    const auto out = std::count_if(s.shards.begin(), s.shards.end(), [](const ShardState& st) { return st.server.empty(); });
    fmt::print("size:        on the shard hosts\nshards:      {} ({} out)\n", s.shards.size(), out);
    for (const ShardState& st : s.shards) {
      if (st.server.empty()) fmt::print("  {}: out (no search server answers)\n", st.name);
      else if (st.replica) fmt::print("  {}: {} documents, from its replica {}\n", st.name, st.documents, st.server);
      else fmt::print("  {}: {} documents\n", st.name, st.documents);
    }
  } else {
    fmt::print("size:        {:.1f} MB ({} bytes)\n", s.bytes / 1e6, s.bytes);
  }
  fmt::print("analyzer:    {}\nstemmer:     {}\nschema:      {}\nlast commit: {}\n", s.analyzer, s.stemmer,
             s.schema_version, s.last_commit.empty() ? "never" : s.last_commit);
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
