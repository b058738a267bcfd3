// Options that several subcommands share, declared once: the index folder, JSON output, and the
// entity, source and date filters of `rasd search` and `rasd alerts add`.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "searcher/date_query.h"

namespace rasd::cli {

/// Whether a subcommand cannot run without --db.
enum class DbNeed { Required, Optional };

/// --db DIR.
inline CLI::Option* add_db_option(CLI::App& cmd, std::string& db, const std::string& what,
                                  DbNeed need = DbNeed::Required) {
  CLI::Option* o = cmd.add_option("--db", db, what);
  return need == DbNeed::Required ? o->required() : o;
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
