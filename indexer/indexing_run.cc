#include "indexer/indexing_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "error/error.h"
#include "analyzers/stem/stem_memo.h"
#include "indexer/clean.h"
#include "indexer/corpus_stats.h"
#include "index/id_term.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/signature.h"
#include "indexer/work_queue.h"
#include "index/xapian_adapter.h"

namespace rasd {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kQueueCapacity = 256;
constexpr auto kProgressEvery = std::chrono::milliseconds(200);
// A bulk build of a new index this large writes one part per thread and merges them at the
// end (Xapian allows one writer per database; the writer is most of the cost).
constexpr std::size_t kMinSplitDocs = 2000;
constexpr std::uint64_t kMinSplitBytes = 8u << 20;  // without a pre-count: bytes on disk

// One file's reading, kept between the passes.
struct FileRead {
  std::shared_ptr<std::vector<Report>> reports;  // null once handed over, or when not cached
  std::vector<Issue> warnings, skipped;
  std::uint64_t raw_bytes = 0;  // uncompressed
  bool read = false;
};

// What an analysis thread hands the writer.
struct Item {
  BuiltDocument doc;
  bool unchanged = false;
};

class Run {
 public:
  Run(const std::vector<InputFile>& files, IndexWriter& writer, const Analyzer& analyzer, const Cleaner& cleaner,
      const IndexOptions& options, IndexObserver& observer)
      : files_(files), writer_(writer), analyzer_(analyzer), cleaner_(cleaner), options_(options),
        observer_(observer), reads_(files.size()), queue_(kQueueCapacity),
        threads_(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency())) {
    for (const InputFile& f : files) bytes_total_ += f.size;
  }

  IndexSummary run() {
    start_ = Clock::now();
    summary_.files = files_.size();
    if (options_.precount && analyzer_.config().stemmer == StemmerKind::Light) precount();
    write_all();
    summary_.seconds = seconds();
    summary_.bytes = bytes_done_;
    return summary_;
  }

 private:
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  FileRead read_file(std::size_t i) {
    FileRead fr;
    std::string bytes = read_input_bytes(files_[i]);
    fr.raw_bytes = bytes.size();
    ReadOutcome out = read_reports(files_[i], std::move(bytes), options_.read, cleaner_);
    fr.reports = std::make_shared<std::vector<Report>>(std::move(out.reports));
    fr.warnings = std::move(out.warnings);
    fr.skipped = std::move(out.skipped);
    fr.read = true;
    return fr;
  }

  // Pass 1: document frequencies of the surface forms the batch will add.
  void precount() {
    std::vector<BatchCounts> counts(threads_);
    std::atomic<std::uint64_t> cached{0};
    WorkerTasks tasks;
    tasks.load = [&](std::size_t i) {
      FileRead fr = read_file(i);
      std::uint64_t size = 0;
      for (const Report& r : *fr.reports) size += r.body.size() + r.title.size();
      auto reports = fr.reports;
      if (cached.fetch_add(size) + size > options_.cache_bytes) fr.reports.reset();  // re-read in pass 2
      reads_[i] = std::move(fr);
      return reports;
    };
    tasks.handle = [&](unsigned w, Report& r) { count(r, counts[w]); };
    run_workers(files_.size(), threads_, tasks);
    for (std::size_t w = 1; w < counts.size(); ++w) counts[0].merge(std::move(counts[w]));
    batch_ = std::move(counts[0]);
    docs_total_ = batch_.docs;
  }

  void count(const Report& r, BatchCounts& counts) const {
    std::vector<Token> tokens = analyzer_.tokenize(r.title);
    std::vector<Token> body = analyzer_.tokenize(r.body);
    std::vector<std::string_view> words;
    words.reserve(tokens.size() + body.size());
    for (const Token& t : tokens) words.push_back(t.norm);
    for (const Token& t : body) words.push_back(t.norm);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (std::string_view w : words) {
      auto it = counts.doc_freq.find(w);
      if (it == counts.doc_freq.end()) counts.doc_freq.emplace(std::string(w), 1);
      else ++it->second;
    }
    ++counts.docs;
  }

  bool split() const {
    if (writer_.initial_doc_count() > 0 || threads_ < 2) return false;
    return docs_total_ ? docs_total_ >= kMinSplitDocs : bytes_total_ >= kMinSplitBytes;
  }

  // Pass 2: analysis threads build documents and one thread writes them, or for a bulk build
  // each thread builds and writes its own part.
  void write_all() {
    std::vector<std::unique_ptr<CorpusStats>> stats;
    for (unsigned w = 0; w < threads_; ++w)
      stats.push_back(std::make_unique<CorpusStats>(batch_.docs ? &batch_ : nullptr, writer_.dir()));
    memos_.resize(threads_);
    const DocumentBuilder builder(analyzer_);
    if (split()) write_split(builder, stats);
    else write_queued(builder, stats);
    if (writer_.parts() > 1 || options_.compact) {
      std::lock_guard lock(observer_mutex_);
      IndexProgress p{docs_done_, docs_total_, bytes_done_, disk_bytes_done_, bytes_total_, seconds(), {}};
      p.stage = writer_.parts() > 1 ? "merging " + std::to_string(writer_.parts()) + " parts" : "compacting";
      observer_.progress(p);
    }
    const std::size_t older = writer_.finish(options_.compact);
    summary_.added -= older;  // two parts added the same id: the newer copy replaced the older
    summary_.replaced += older;
  }

  void write_split(const DocumentBuilder& builder, std::vector<std::unique_ptr<CorpusStats>>& stats) {
    writer_.split(threads_);
    summary_.parts = threads_;
    std::vector<std::size_t> pending(threads_);
    WorkerTasks tasks;
    tasks.load = [&](std::size_t i) { return take(i); };
    tasks.handle = [&](unsigned w, Report& r) {
      BuiltDocument doc = builder.build(std::move(r), stats[w].get(), &memos_[w]);
      const bool dateline = doc.dateline;
      const WriteResult result = writer_.add(std::move(doc), w);
      if (result.action != WriteResult::Action::Unchanged && ++pending[w] >= options_.batch_size) {
        writer_.commit(w);
        pending[w] = 0;
      }
      std::lock_guard lock(observer_mutex_);
      tally(result, dateline);
      report_progress(false);
    };
    run_workers(files_.size(), threads_, tasks);
    std::lock_guard lock(observer_mutex_);
    report_progress(true);
  }

  void write_queued(const DocumentBuilder& builder, std::vector<std::unique_ptr<CorpusStats>>& stats) {
    WorkerTasks tasks;
    tasks.load = [&](std::size_t i) { return take(i); };
    tasks.handle = [&](unsigned w, Report& r) {
      Item item;
      if (stats[w]->stored_unchanged(id_term(r.id), to_hex(content_hash(r)))) {
        item.unchanged = true;  // a re-run over the same files: no analysis needed
      } else {
        item.doc = builder.build(std::move(r), stats[w].get(), &memos_[w]);
      }
      if (!queue_.push(std::move(item))) throw Error("indexing stopped");
    };
    std::exception_ptr failure;
    std::thread producers([&] {
      try {
        // The writer thread takes a core of its own: by default the others analyse.
        const unsigned analysts = options_.threads ? options_.threads : std::max(1u, threads_ - 1);
        run_workers(files_.size(), analysts, tasks);
      } catch (...) {
        failure = std::current_exception();
      }
      queue_.close();
    });
    try {
      consume();
    } catch (...) {
      queue_.close();
      producers.join();
      throw;
    }
    producers.join();
    if (failure) std::rethrow_exception(failure);
  }

  // Hands file i's reports to pass 2 and reports what reading it found.
  std::shared_ptr<std::vector<Report>> take(std::size_t i) {
    FileRead fr = std::move(reads_[i]);
    if (!fr.reports) {
      FileRead again = read_file(i);
      if (fr.read)
        fr.reports = std::move(again.reports);
      else
        fr = std::move(again);  // not read in pass 1 (no precount): take everything
    }
    std::lock_guard lock(observer_mutex_);
    for (const Issue& w : fr.warnings) observer_.warning(w);
    for (const Issue& s : fr.skipped) {
      observer_.skipped(s);
      ++summary_.skipped[s.reason];
    }
    summary_.warnings += fr.warnings.size();
    disk_bytes_done_ += files_[i].size;
    bytes_done_ += fr.raw_bytes;
    return fr.reports;
  }

  void consume() {
    Item item;
    std::size_t pending = 0;
    while (queue_.pop(item)) {
      WriteResult r{WriteResult::Action::Unchanged};
      const bool dateline = item.doc.dateline;
      if (!item.unchanged) {
        r = writer_.add(std::move(item.doc));
        if (r.action != WriteResult::Action::Unchanged && ++pending >= options_.batch_size) {
          writer_.commit();
          pending = 0;
        }
      }
      std::lock_guard lock(observer_mutex_);
      tally(r, dateline);
      report_progress(false);
    }
    std::lock_guard lock(observer_mutex_);
    report_progress(true);
  }

  // Counts one written document; under observer_mutex_.
  void tally(const WriteResult& r, bool dateline) {
    ++docs_done_;
    if (dateline && r.action != WriteResult::Action::Unchanged) ++summary_.datelines;
    switch (r.action) {
      case WriteResult::Action::Added: ++summary_.added; break;
      case WriteResult::Action::Replaced: ++summary_.replaced; break;
      case WriteResult::Action::Unchanged: ++summary_.unchanged; break;
    }
    if (r.kinship == Kinship::ExactDuplicate) ++summary_.exact_duplicates;
    if (r.kinship == Kinship::NearDuplicate) ++summary_.near_duplicates;
  }

  // Under observer_mutex_: at most every kProgressEvery unless `last`.
  void report_progress(bool last) {
    const auto now = Clock::now();
    if (!last && now - last_progress_ < kProgressEvery) return;
    last_progress_ = now;
    observer_.progress({docs_done_, docs_total_, bytes_done_, disk_bytes_done_, bytes_total_, seconds(), {}});
  }

  const std::vector<InputFile>& files_;
  IndexWriter& writer_;
  const Analyzer& analyzer_;
  const Cleaner& cleaner_;
  const IndexOptions& options_;
  IndexObserver& observer_;
  std::vector<FileRead> reads_;
  BoundedQueue<Item> queue_;
  unsigned threads_;
  BatchCounts batch_;
  std::vector<StemMemo> memos_;  // per worker: the stems of this run's statistics
  IndexSummary summary_;
  std::mutex observer_mutex_;
  std::uint64_t bytes_total_ = 0;
  std::uint64_t bytes_done_ = 0;       // uncompressed input read, under observer_mutex_
  std::uint64_t disk_bytes_done_ = 0;  // on disk, under observer_mutex_
  std::size_t docs_total_ = 0;
  std::size_t docs_done_ = 0;  // documents written or found unchanged, under observer_mutex_
  Clock::time_point start_, last_progress_;
};

}  // namespace

std::size_t IndexSummary::skipped_total() const {
  std::size_t n = 0;
  for (const auto& [reason, count] : skipped) n += count;
  return n;
}

IndexSummary index_files(const std::vector<InputFile>& files, IndexWriter& writer, const Analyzer& analyzer,
                         const Cleaner& cleaner, const IndexOptions& options, IndexObserver& observer) {
  return Run(files, writer, analyzer, cleaner, options, observer).run();
}

IndexSummary index_into(const std::string& db, const std::vector<InputFile>& files, const IndexOptions& options,
                        IndexObserver& observer) {
  IndexWriter writer(db);  // throws IndexError when another process holds the write lock
  const auto analyzer = make_analyzer({writer.recorded_stemmer().value_or(StemmerKind::Light), ""});
  writer.use_analyzer(*analyzer);
  const Cleaner cleaner;
  return index_files(files, writer, *analyzer, cleaner, options, observer);
}

}  // namespace rasd
