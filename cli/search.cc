// `rasd search`: one query (human or JSON lines output) or a batch of queries from a file.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "error/error.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "searcher/search_json.h"
#include "searcher/searcher.h"

namespace rasd::cli {
namespace {

struct SearchArgs {
  std::string db, batch, sort = "relevance";
  std::vector<std::string> query;
  SearchRequest request;
  std::string like;
  bool json = false, no_collapse = false;
  unsigned repeat = 1;
};

// CPU time of this thread: on a shared, loaded machine it varies less than wall time.
std::int64_t thread_cpu_us() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// The snippet with its highlights in bold (ANSI) when writing to a terminal.
std::string emphasised(const Snippet& s, bool bold) {
  if (!bold) return s.text;
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : s.highlights) {
    out.append(s.text, at, h.start - at).append("\033[1m").append(s.text, h.start, h.end - h.start).append("\033[0m");
    at = h.end;
  }
  return out.append(s.text, at);
}

std::string labels_of(const Hit& hit, const char* type) {
  std::string out;
  for (const EntityRef& e : hit.entities)
    if (e.type == type) out += (out.empty() ? "" : ", ") + (e.label_ar.empty() ? e.id : e.label_ar);
  return out;
}

void print_hit(const Hit& hit, bool bold) {
  fmt::print("{:>3}. {}\n     {} · {} · score {:.3f}{}\n", hit.rank, hit.title.empty() ? hit.id : hit.title,
             hit.source.empty() ? "-" : hit.source, hit.published.empty() ? "undated" : hit.published, hit.score,
             hit.copies > 1 ? fmt::format(" · {} copies", hit.copies) : "");
  const std::string countries = labels_of(hit, "country"), orgs = labels_of(hit, "org");
  if (!countries.empty()) fmt::print("     countries: {}\n", countries);
  if (!orgs.empty()) fmt::print("     orgs: {}\n", orgs);
  if (!hit.snippet.text.empty()) fmt::print("     {}\n", emphasised(hit.snippet, bold));
  fmt::print("     id: {}\n", hit.id);
}

void print_facets(const SearchResult& r) {
  for (const auto& [name, values] : r.facets) {
    if (values.empty()) continue;
    fmt::print("\n{}{}\n", name, r.facets_exact ? "" : " (approximate)");
    for (const FacetValue& v : values)
      fmt::print("  {:>7}  {:<16} {}{}\n", v.count, v.id, v.label_ar, v.label_en.empty() ? "" : " / " + v.label_en);
  }
  if (!r.histogram.empty()) fmt::print("\nmonth\n");
  for (const auto& [month, n] : r.histogram) fmt::print("  {}  {:>7}\n", month, n);
}

int run_one(Searcher& searcher, const SearchArgs& args) {
  const SearchResult r = searcher.search(args.request);
  if (args.json) {
    // JSON lines: the answer's hits one a line, then the rest of the answer on a line of its own
    nlohmann::json answer = search_answer_json(r);
    for (const nlohmann::json& h : answer["hits"]) std::cout << dump(h) << '\n';
    answer.erase("hits");
    if (args.request.facets || r.partial) std::cout << dump(answer) << '\n';
  } else {
    if (r.partial) fmt::print(stderr, "rasd search: a partial answer: {} did not answer\n", fmt::join(r.failed_shards, ", "));
    const bool bold = isatty(STDOUT_FILENO) != 0;
    fmt::print("{}{} hit{}{}\n", r.total_exact ? "" : "about ", r.total, r.total == 1 ? "" : "s",
               r.relaxed ? " (no report has every word: ranked by any of them)" : "");
    for (const Hit& h : r.hits) print_hit(h, bold);
    if (args.request.facets) print_facets(r);
  }
  return r.total > 0 ? kExitOk : kExitNoHits;
}

// One query of a batch as one JSON line; a bad query is reported in place and the batch goes on.
void batch_line(Searcher& searcher, SearchRequest& request, const std::string& line, unsigned pass) {
  request.query = line;
  const auto start = std::chrono::steady_clock::now();
  const std::int64_t cpu_start = thread_cpu_us();
  SearchResult r;
  try {
    r = searcher.search(request);
  } catch (const InvalidInput& e) {
    std::cout << dump({{"query", line}, {"error", e.what()}}) << '\n';
    return;
  }
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const std::int64_t cpu = thread_cpu_us() - cpu_start;
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& h : r.hits) hits.push_back({{"id", h.id}, {"score", h.score}});
  nlohmann::json out = {{"query", line}, {"total", r.total}, {"took_us", took.count()}, {"cpu_us", cpu}, {"hits", hits}};
  if (request.facets) out["facets"] = facet_counts_json(r);
  if (r.partial) out["failed_shards"] = r.failed_shards;
  if (pass > 0) out["pass"] = pass;
  std::cout << dump(out) << '\n';
}

// One JSON line per query line; the Searcher (and its caches) is reused, as in a server.
int run_batch(Searcher& searcher, const SearchArgs& args) {
  std::ifstream in(args.batch);
  if (!in) throw InvalidInput("--batch: cannot read '" + args.batch + "'");
  SearchRequest request = args.request;
  request.snippets = false;
  request.ids_only = true;
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  for (unsigned pass = 1; pass <= args.repeat; ++pass)
    for (const std::string& line : queries) batch_line(searcher, request, line, args.repeat > 1 ? pass : 0);
  return kExitOk;
}

int run_search(SearchArgs& args) {
  SearchRequest& req = args.request;
  for (const std::string& w : args.query) req.query += (req.query.empty() ? "" : " ") + w;
  req.sort = args.sort == "date" ? SortOrder::Date : SortOrder::Relevance;
  if (!args.like.empty()) req.like_id = args.like;
  req.collapse = !args.no_collapse;
  const bool filters = !req.countries.empty() || !req.orgs.empty() || !req.persons.empty() || !req.places.empty() ||
                       !req.sources.empty() || req.from || req.to || req.like_id;
  if (args.batch.empty() && req.query.empty() && !filters)
    throw InvalidInput("search: give a QUERY, a filter (--country, --from ...) or --like ID");
  if (!args.batch.empty() && !args.json) throw InvalidInput("--batch needs --json");
  Searcher searcher(args.db);
  return args.batch.empty() ? run_one(searcher, args) : run_batch(searcher, args);
}

}  // namespace

void add_search(CLI::App& app, Run& run) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "Search an index (query language: see README.md)");
  add_db_option(*cmd, args->db, "Index directory", DbNeed::Required, ClusterUse::Yes);
  add_json_flag(*cmd, args->json, "One JSON line per hit (and one with facets)");
  cmd->add_option("--limit", args->request.limit, "Hits per page")->check(CLI::Range(0, 1000));
  cmd->add_option("--offset", args->request.offset, "Hits to skip");
  cmd->add_option("--sort", args->sort, "relevance or date (newest first)")->check(CLI::IsMember({"relevance", "date"}));
  add_filter_options(*cmd, args->request);
  cmd->add_flag("--facets", args->request.facets, "Facet counts and a month histogram");
  cmd->add_option("--like", args->like, "More like this document id");
  cmd->add_flag("--any", args->request.any_words, "Rank by any word (natural questions) instead of requiring all");
  cmd->add_flag("--no-collapse", args->no_collapse, "Show near-duplicates separately");
  cmd->add_option("--batch", args->batch, "File with one query per line (needs --json)");
  cmd->add_option("--repeat", args->repeat, "Run the batch file this many times in one process (warm caches)")
      ->check(CLI::Range(1, 100));
  cmd->add_option("query", args->query, "Query");
  cmd->callback([args, &run] { run.exit_code = run_search(*args); });
}

}  // namespace rasd::cli
