// Alerts at scale: creates N analyst-style alerts (queries x country/organisation filters)
// starting at the current end of an index, and measures evaluating them over what was indexed
// afterwards, two ways: the runner (every search restricted to the new ingest-sequence range)
// and a baseline that searches the whole index per alert and keeps the new hits.
//
//   alerts_bench create --db DIR --alerts FILE --queries FILE [--count 1000]
//   alerts_bench run    --db DIR --alerts FILE        (the runner, in process; alters FILE)
//   alerts_bench naive  --db DIR --alerts FILE        (baseline; reads FILE only)
//   alerts_bench probe  --db DIR --alerts FILE        (search-only vs search-with-hits cost)
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "error/error.h"
#include "alerts/runner.h"
#include "searcher/searcher.h"

namespace {

using namespace rasd::alerts;
using Clock = std::chrono::steady_clock;

struct Args {
  std::string mode, db, alerts, queries;
  std::size_t count = 1000;
};

Args parse(int argc, char** argv) {
  Args a;
  if (argc > 1) a.mode = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db") a.db = v;
    else if (k == "--alerts") a.alerts = v;
    else if (k == "--queries") a.queries = v;
    else if (k == "--count") a.count = std::stoul(v);
  }
  return a;
}

// Filters an analyst combines with a topic: none, a country, an organisation, or both.
std::vector<AlertFilters> filter_variants() {
  const std::vector<std::string> countries = {"SY", "IQ", "YE", "IR", "EG", "SA", "LB", "PS", "LY", "TR", "US", "RU", "IL"};
  const std::vector<std::string> orgs = {"united-nations", "isis", "hezbollah", "houthis", "hamas", "irgc", "nato", "arab-league"};
  std::vector<AlertFilters> out(1);
  for (const auto& c : countries) out.push_back(AlertFilters{{c}, {}, {}, {}, {}, {}, {}});
  for (const auto& o : orgs) out.push_back(AlertFilters{{}, {o}, {}, {}, {}, {}, {}});
  for (std::size_t i = 0; i < countries.size(); ++i)
    out.push_back(AlertFilters{{countries[i]}, {orgs[i % orgs.size()]}, {}, {}, {}, {}, {}});
  return out;
}

int create(const Args& a) {
  std::vector<std::string> queries;
  std::ifstream in(a.queries);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  if (queries.empty()) throw rasd::InvalidInput("no queries in " + a.queries);
  rasd::Searcher searcher(a.db);
  const std::uint64_t end = searcher.last_sequence();
  AlertStore store(a.alerts);
  const auto variants = filter_variants();
  for (std::size_t i = 0; i < a.count; ++i) {
    AlertSpec spec;
    spec.query = queries[i % queries.size()];
    spec.filters = variants[(i / queries.size()) % variants.size()];
    spec.name = fmt::format("bench-{}", i);
    store.add(spec, end, now_utc());
  }
  fmt::print("created {} alerts at sequence {} ({} queries x {} filter variants)\n", a.count, end, queries.size(),
             variants.size());
  return 0;
}

int run(const Args& a) {
  const auto t0 = Clock::now();
  rasd::Searcher first(a.db), second(a.db);
  SearcherIndex one(first), two(second);
  AlertStore store(a.alerts);
  AlertRunner runner(store, std::vector<AlertIndex*>{&one, &two}, RunnerConfig{});
  const auto t1 = Clock::now();
  const auto summaries = runner.run(Selection::All, now_utc());
  const auto t2 = Clock::now();
  std::uint64_t hits = 0, firing = 0, errors = 0;
  for (const auto& s : summaries) {
    hits += s.new_hits;
    firing += s.new_hits > 0;
    errors += s.error.has_value();
  }
  fmt::print("runner: {} alerts, {} firing, {} notifications, {} errors; open {:.0f} ms, run {:.0f} ms\n",
             summaries.size(), firing, hits, errors, std::chrono::duration<double, std::milli>(t1 - t0).count(),
             std::chrono::duration<double, std::milli>(t2 - t1).count());
  return errors ? 1 : 0;
}

// The baseline: each alert searches the whole index (no sequence restriction) and keeps the hits
// newer than its watermark, as a runner without an ingest-sequence filter would have to.
int naive(const Args& a) {
  const auto t0 = Clock::now();
  rasd::Searcher searcher(a.db);
  AlertStore store(a.alerts);
  std::uint64_t hits = 0, scanned = 0;
  for (const Alert& alert : store.list()) {
    rasd::SearchRequest r = to_request(alert.spec, 0);
    r.after_sequence.reset();
    r.limit = 500;
    for (r.offset = 0; r.offset < 10000; r.offset += r.limit) {
      const rasd::SearchResult page = searcher.search(r);
      scanned += page.hits.size();
      for (const rasd::Hit& h : page.hits) hits += h.sequence > alert.watermark;
      if (page.hits.size() < r.limit) break;
    }
  }
  const auto t1 = Clock::now();
  fmt::print("naive: {} hits read, {} new; {:.0f} ms\n", scanned, hits,
             std::chrono::duration<double, std::milli>(t1 - t0).count());
  return 0;
}

// Where the runner's time goes: the restricted searches alone (limit 0: matching and counting)
// against the same searches returning their hits (documents, snippets, entities).
int probe(const Args& a) {
  rasd::Searcher searcher(a.db);
  AlertStore store(a.alerts);
  const auto alerts = store.list();
  const struct {
    const char* what;
    std::uint32_t limit;
    bool snippets, collapse, ids_only = false;
  } variants[] = {{"match only (limit 0)", 0, false, true},
                  {"ids only, no collapse", 500, false, false, true},
                  {"ids only", 500, false, true, true},
                  {"hits without snippets, no collapse", 500, false, false},
                  {"hits without snippets", 500, false, true},
                  {"hits with snippets (the runner)", 500, true, true}};
  for (const auto& v : variants) {
    const auto t0 = Clock::now();
    std::uint64_t total = 0, hits = 0;
    for (const Alert& alert : alerts) {
      rasd::SearchRequest r = to_request(alert.spec, alert.watermark);
      r.limit = v.limit;
      r.snippets = v.snippets;
      r.collapse = v.collapse;
      r.ids_only = v.ids_only;
      const rasd::SearchResult result = searcher.search(r);
      total += result.total;
      hits += result.hits.size();
    }
    fmt::print("{}: {} matches, {} hits returned; {:.0f} ms\n", v.what, total, hits,
               std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  try {
    if (a.mode == "create") return create(a);
    if (a.mode == "run") return run(a);
    if (a.mode == "naive") return naive(a);
    if (a.mode == "probe") return probe(a);
    std::cerr << "usage: alerts_bench create|run|naive --db DIR --alerts FILE [--queries FILE] [--count N]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "alerts_bench: " << e.what() << '\n';
    return 3;
  }
}
