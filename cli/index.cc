// `rasd index`: reads reports from files, folders or stdin into an index; `--delete` removes
// documents by id. Prints warnings and skips as they happen, a progress bar on a terminal, and
// a summary; exits 2 when anything was skipped.
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "error/error.h"
#include "indexer/clean.h"
#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "index/xapian_adapter.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace rasd::cli {
namespace {

constexpr std::size_t kIssuesShownPerReason = 20;
constexpr int kBarWidth = 28;

struct IndexArgs {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> deletes;
  std::string format = "auto";
  std::string source;
  std::string stemmer;
  std::string gazetteer;
  std::size_t batch = 250;
  unsigned threads = 0;
  std::size_t max_doc_mb = 4;
  bool no_precount = false;
  bool compact = false;
  bool json = false;
  bool quiet = false;
};

// Prints issues (a bounded number per reason) and, on a terminal, a progress bar.
class ConsoleObserver : public IndexObserver {
 public:
  explicit ConsoleObserver(bool bar) : bar_(bar) {}

  void warning(const Issue& issue) override { print("warning", issue); }
  void skipped(const Issue& issue) override { print("skipped", issue); }

  void progress(const IndexProgress& p) override {
    if (!bar_ || p.seconds <= 0) return;
    double fraction = p.docs_total ? double(p.docs) / double(p.docs_total)
                                   : p.disk_bytes_total ? double(p.disk_bytes) / double(p.disk_bytes_total) : 0;
    fraction = std::min(1.0, fraction);
    const int filled = static_cast<int>(fraction * kBarWidth);
    const double eta = fraction > 0.01 ? p.seconds * (1 - fraction) / fraction : NAN;
    const std::string tail = !p.stage.empty() ? p.stage + "..."
                             : "ETA " + (std::isnan(eta) ? std::string("?") : fmt::format("{:.0f}s", eta));
    fmt::print(stderr, "\r[{}{}] {:3.0f}%  {} docs  {:.0f} docs/s  {:.1f} MB/s  {}   ", std::string(filled, '#'),
               std::string(kBarWidth - filled, ' '), fraction * 100, p.docs, p.docs / p.seconds,
               p.bytes / 1e6 / p.seconds, tail);
    drawn_ = true;
  }

  void finish() {
    if (drawn_) fmt::print(stderr, "\n");
    for (const auto& [reason, n] : hidden_) fmt::print(stderr, "rasd: ... and {} more: {}\n", n, reason);
  }

 private:
  void print(const char* what, const Issue& issue) {
    if (++shown_[issue.reason] > kIssuesShownPerReason) {
      ++hidden_[issue.reason];
      return;
    }
    fmt::print(stderr, "{}rasd: {}: {}\n", drawn_ ? "\n" : "", what, issue.detail);
    drawn_ = false;
  }

  bool bar_;
  bool drawn_ = false;
  std::map<std::string, std::size_t> shown_, hidden_;
};

void print_summary(const IndexSummary& s, const IndexWriter& w, bool json) {
  const double rate = s.seconds > 0 ? (s.added + s.replaced + s.unchanged) / s.seconds : 0;
  if (json) {
    nlohmann::json j = {{"files", s.files}, {"indexed", s.added + s.replaced}, {"added", s.added},
                        {"replaced", s.replaced}, {"unchanged", s.unchanged}, {"skipped", s.skipped},
                        {"skipped_total", s.skipped_total()}, {"warnings", s.warnings},
                        {"exact_duplicates", s.exact_duplicates}, {"near_duplicates", s.near_duplicates},
                        {"datelines", s.datelines}, {"bytes", s.bytes}, {"seconds", s.seconds},
                        {"docs_per_second", rate}, {"mb_per_second", s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0},
                        {"parts", s.parts}, {"documents", w.doc_count()}};
    std::cout << j.dump() << '\n';
    return;
  }
  fmt::print("indexed {} ({} new, {} replaced), unchanged {}, skipped {}", s.added + s.replaced, s.added, s.replaced,
             s.unchanged, s.skipped_total());
  std::string reasons;
  for (const auto& [reason, n] : s.skipped) reasons += fmt::format("{}{}: {}", reasons.empty() ? "" : ", ", reason, n);
  if (!reasons.empty()) fmt::print(" ({})", reasons);
  fmt::print("; {} exact and {} near duplicates clustered; {} warnings", s.exact_duplicates, s.near_duplicates,
             s.warnings);
  if (s.datelines > 0) fmt::print("; {} dated from their text (no date in the file's metadata)", s.datelines);
  fmt::print("\n");
  fmt::print("{} files, {:.1f} MB in {:.2f} s ({:.0f} docs/s, {:.1f} MB/s); the index holds {} documents\n", s.files,
             s.bytes / 1e6, s.seconds, rate, s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0, w.doc_count());
}

int delete_ids(IndexWriter& writer, const std::vector<std::string>& ids) {
  std::size_t deleted = 0;
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    if (writer.remove(id)) ++deleted;
    else missing.push_back(id);
  }
  writer.commit();
  for (const std::string& id : missing) fmt::print(stderr, "rasd: no document with id '{}'\n", id);
  fmt::print("deleted {}, not found {}\n", deleted, missing.size());
  return missing.empty() ? kExitOk : kExitNoHits;
}

int run_index(const IndexArgs& args) {
  if (args.paths.empty() && args.deletes.empty()) throw InvalidInput("nothing to do: give PATH... or --delete ID...");
  const std::vector<InputFile> files = list_inputs(args.paths);  // bad paths fail before the index is touched
  IndexWriter writer(args.db);
  const std::optional<StemmerKind> recorded = writer.recorded_stemmer();
  const StemmerKind asked = parse_stemmer_kind(args.stemmer.empty() ? "light" : args.stemmer);
  if (recorded && !args.stemmer.empty() && *recorded != asked)
    fmt::print(stderr, "rasd: warning: the index at '{}' keeps its stemmer '{}' (--stemmer applies to a new index)\n",
               args.db, to_string(*recorded));
  const std::unique_ptr<Analyzer> analyzer = make_analyzer({recorded.value_or(asked), args.gazetteer});
  writer.use_analyzer(*analyzer);
  for (const std::string& shard : writer.unseen_shards())
    fmt::print(stderr,
               "rasd: warning: {} does not answer searches: copies of the reports it holds are not found in this run "
               "(its search servers in the cluster file; the documents still go to its write server)\n",
               shard);
  int code = kExitOk;
  if (!args.deletes.empty()) code = delete_ids(writer, args.deletes);
  if (args.paths.empty()) return code;

  IndexOptions options;
  options.read.format = parse_format(args.format);
  options.read.source = args.source;
  options.read.max_document_bytes = args.max_doc_mb << 20;
  options.batch_size = std::max<std::size_t>(1, args.batch);
  options.threads = args.threads;
  options.precount = !args.no_precount;
  options.compact = args.compact;
  const Cleaner cleaner;
  ConsoleObserver observer(!args.quiet && isatty(STDERR_FILENO));
  const IndexSummary summary = index_files(files, writer, *analyzer, cleaner, options, observer);
  observer.finish();
  print_summary(summary, writer, args.json);
  return summary.skipped_total() > 0 ? kExitUsage : code;
}

}  // namespace

void add_index(CLI::App& app, Run& run) {
  auto args = std::make_shared<IndexArgs>();
  auto* cmd = app.add_subcommand("index", "Index reports from files, folders or standard input ('-': JSONL)");
  add_db_option(*cmd, args->db, "The index folder (created when missing)", DbNeed::Required, ClusterUse::Yes);
  cmd->add_option("paths", args->paths, "Files or folders (recursively); '-' reads JSONL from standard input");
  cmd->add_option("--delete", args->deletes, "Delete the documents with these ids")->expected(1, -1);
  cmd->add_option("--format", args->format, "auto (default), txt, html, jsonl or trec")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl", "trec"}));
  cmd->add_option("--source", args->source, "Source name for reports whose metadata names none");
  cmd->add_option("--stemmer", args->stemmer, "light (default), snowball or none; only for a new index")
      ->check(CLI::IsMember({"light", "snowball", "none"}));
  cmd->add_option("--gazetteer", args->gazetteer, "A folder of extra gazetteer entries");
  cmd->add_option("--batch", args->batch, "Documents per commit (default 250)");
  cmd->add_option("--threads", args->threads, "Threads (default: one per core; a bulk build of a new index writes one part per thread, otherwise one more thread writes)");
  cmd->add_option("--max-doc-mb", args->max_doc_mb, "Longer documents are truncated (default 4)");
  cmd->add_flag("--no-precount", args->no_precount, "Skip the statistics pre-pass (faster, less consistent stems)");
  cmd->add_flag("--compact", args->compact, "Compact the index at the end (bulk builds: about half the size)");
  add_json_flag(*cmd, args->json, "Print the summary as one JSON line");
  cmd->add_flag("--quiet", args->quiet, "No progress bar");
  cmd->callback([args, &run] { run.exit_code = run_index(*args); });
}

}  // namespace rasd::cli
