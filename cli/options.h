// Options that several subcommands share, declared once: the index folder, JSON output, and the
// entity, source and date filters of `rasd search` and `rasd alerts add`.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "searcher/date_query.h"

namespace rasd::cli {

/// Whether a subcommand cannot run without --db.
enum class DbNeed { Required, Optional };

/// Whether a subcommand also runs on a cluster of shards (--cluster FILE, docs/CLUSTER.md).
enum class ClusterUse { No, Yes };

/// --db DIR, and with ClusterUse::Yes its alternative --cluster FILE (one of the two), both into
/// `db`: the index's readers and writers tell a cluster file from a folder (index/cluster.h).
inline CLI::Option* add_db_option(CLI::App& cmd, std::string& db, const std::string& what,
                                  DbNeed need = DbNeed::Required, ClusterUse cluster = ClusterUse::No) {
  if (cluster == ClusterUse::No) {
    CLI::Option* o = cmd.add_option("--db", db, what);
    return need == DbNeed::Required ? o->required() : o;
  }
  CLI::Option_group* g = cmd.add_option_group("index", "The index: a folder (--db) or a cluster of shards (--cluster)");
  CLI::Option* o = g->add_option("--db", db, what);
  CLI::Option* c = g->add_option("--cluster", db, "A cluster file listing the shards (docs/CLUSTER.md), in place of --db")
                       ->check(CLI::ExistingFile);
  o->excludes(c);
  if (need == DbNeed::Required) g->require_option(1);
  else g->require_option(0, 1);
  return o;
}

/// --json.
inline CLI::Option* add_json_flag(CLI::App& cmd, bool& json, const std::string& what) {
  return cmd.add_flag("--json", json, what);
}

/// A publication-date bound as the flags take it: YYYY, YYYY-MM or YYYY-MM-DD.
inline const CLI::Validator& date_bound() {
  static const CLI::Validator v(
      [](std::string& s) { return is_date_bound(s) ? std::string() : "'" + s + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"; },
      "YYYY[-MM[-DD]]");
  return v;
}

/// --country --org --person --place --source (repeatable: ORed within a flag, ANDed across)
/// and --from --to, into any struct with those members (SearchRequest, AlertFilters).
template <typename Filters>
void add_filter_options(CLI::App& cmd, Filters& f) {
  cmd.add_option("--country", f.countries, "Country: ISO code, Arabic or English name (repeatable)")->allow_extra_args(false);
  cmd.add_option("--org", f.orgs, "Organisation id or name (repeatable)")->allow_extra_args(false);
  cmd.add_option("--person", f.persons, "Person id or name (repeatable)")->allow_extra_args(false);
  cmd.add_option("--place", f.places, "Place id or name (repeatable)")->allow_extra_args(false);
  cmd.add_option("--source", f.sources, "Source (repeatable)")->allow_extra_args(false);
  cmd.add_option("--from", f.from, "Published on or after YYYY[-MM[-DD]]")->check(date_bound());
  cmd.add_option("--to", f.to, "Published on or before YYYY[-MM[-DD]]")->check(date_bound());
}

}  // namespace rasd::cli
