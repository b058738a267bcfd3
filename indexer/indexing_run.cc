#include "indexer/indexing_run.h"

#include "indexer/disk_space.h"

#include <algorithm>
#include <thread>

#include "error/error.h"
#include "analyzers/ner/tagger.h"
#include "analyzers/stem/stem_memo.h"
#include "indexer/clean.h"
#include "indexer/corpus_stats.h"
#include "index/id_term.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/input_cache.h"
#include "indexer/run_report.h"
#include "index/hash.h"
#include "indexer/work_queue.h"
#include "index/xapian_adapter.h"

namespace rasd {
namespace {

constexpr std::size_t kQueueCapacity = 256;
// A bulk build of a new index this large writes one part per thread and merges them at the
// end (Xapian allows one writer per database; the writer is most of the cost).
constexpr std::size_t kMinSplitDocs = 2000;
constexpr std::uint64_t kMinSplitBytes = 8u << 20;  // without a pre-count: bytes on disk

// What an analysis thread hands the writer.
struct Item {
  BuiltDocument doc;
  bool unchanged = false;
};

// Pass 1: document frequencies of the surface forms the batch will add.
BatchCounts precount(InputCache& inputs, std::size_t files, unsigned threads, const Analyzer& analyzer) {
  std::vector<BatchCounts> counts(threads);
  WorkerTasks tasks;
  tasks.load = [&](std::size_t i) { return inputs.read_for_count(i); };
  tasks.handle = [&](unsigned w, Report& r) { count_report(analyzer, r, counts[w]); };
  run_workers(files, threads, tasks);
  for (std::size_t w = 1; w < counts.size(); ++w) counts[0].merge(std::move(counts[w]));
  return std::move(counts[0]);
}

std::uint64_t total_size(const std::vector<InputFile>& files) {
  std::uint64_t n = 0;
  for (const InputFile& f : files) n += f.size;
  return n;
}

// Pass 2: analysis threads build documents and one thread writes them, or for a bulk build
// each thread builds and writes its own part.
class Run {
 public:
  Run(const std::vector<InputFile>& files, IndexWriter& writer, const Analyzer& analyzer, const Cleaner& cleaner,
      const IndexOptions& options, IndexObserver& observer)
      : files_(files), writer_(writer), analyzer_(analyzer), options_(options),
        inputs_(files, options.read, cleaner, options.cache_bytes), report_(observer, files.size(), total_size(files)),
        queue_(kQueueCapacity),
        threads_(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency())) {}

  IndexSummary run() {
    if (options_.precount && analyzer_.config().stemmer == StemmerKind::Light) {
      batch_ = precount(inputs_, files_.size(), threads_, analyzer_);
      report_.set_docs_total(batch_.docs);
    }
    write_all();
    return report_.finish();
  }

 private:
  bool split() const {
    if (writer_.initial_doc_count() > 0 || threads_ < 2 || !writer_.can_split()) return false;
    return report_.docs_total() ? report_.docs_total() >= kMinSplitDocs : total_size(files_) >= kMinSplitBytes;
  }

  void write_all() {
    std::vector<std::unique_ptr<CorpusStats>> stats;
    for (unsigned w = 0; w < threads_; ++w)
      stats.push_back(std::make_unique<CorpusStats>(batch_.docs ? &batch_ : nullptr, writer_.dir()));
    memos_.resize(threads_);
    tagger_memos_.resize(threads_);
    const DocumentBuilder builder(analyzer_);
    if (split()) write_split(builder, stats);
    else write_queued(builder, stats);
    report_.done();
    if (writer_.parts() > 1 || options_.compact)
      report_.done(writer_.parts() > 1 ? "merging " + std::to_string(writer_.parts()) + " parts" : "compacting");
    report_.merged_older(writer_.finish(options_.compact));
  }

  void write_split(const DocumentBuilder& builder, std::vector<std::unique_ptr<CorpusStats>>& stats) {
    writer_.split(threads_);
    report_.set_parts(threads_);
    std::vector<std::size_t> pending(threads_);
    WorkerTasks tasks;
    tasks.load = [&](std::size_t i) { return take(i); };
    tasks.handle = [&](unsigned w, Report& r) {
      BuiltDocument doc = builder.build(std::move(r), stats[w].get(), &memos_[w], &tagger_memos_[w]);
      const bool dateline = doc.dateline;
      const WriteResult result = writer_.add(std::move(doc), w);
      if (result.action != WriteResult::Action::Unchanged && ++pending[w] >= options_.batch_size) {
        writer_.commit(w);
        pending[w] = 0;
      }
      report_.written(result, dateline);
    };
    run_workers(files_.size(), threads_, tasks);
  }

  void write_queued(const DocumentBuilder& builder, std::vector<std::unique_ptr<CorpusStats>>& stats) {
    WorkerTasks tasks;
    tasks.load = [&](std::size_t i) { return take(i); };
    tasks.handle = [&](unsigned w, Report& r) {
      Item item;
      if (stats[w]->stored_unchanged(id_term(r.id), to_hex(content_hash(r)))) {
        item.unchanged = true;  // a re-run over the same files: no analysis needed
      } else {
        item.doc = builder.build(std::move(r), stats[w].get(), &memos_[w], &tagger_memos_[w]);
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
    FileRead fr = inputs_.take(i);
    report_.file_taken(fr, files_[i].size);
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
      report_.written(r, dateline);
    }
  }

  const std::vector<InputFile>& files_;
  IndexWriter& writer_;
  const Analyzer& analyzer_;
  const IndexOptions& options_;
  InputCache inputs_;
  RunReport report_;
  BoundedQueue<Item> queue_;
  unsigned threads_;
  BatchCounts batch_;
  std::vector<StemMemo> memos_;  // per worker: the stems of this run's statistics
  std::vector<ner::TaggerMemo> tagger_memos_;  // per worker: the recognizer's word scores
};

}  // namespace

std::size_t IndexSummary::skipped_total() const {
  std::size_t n = 0;
  for (const auto& [reason, count] : skipped) n += count;
  return n;
}

IndexSummary index_files(const std::vector<InputFile>& files, IndexWriter& writer, const Analyzer& analyzer,
                         const Cleaner& cleaner, const IndexOptions& options, IndexObserver& observer) {
  try {
    return Run(files, writer, analyzer, cleaner, options, observer).run();
  } catch (const Xapian::DatabaseError& e) {
    // Xapian flushes while documents are added, so a full disk shows up here as often as at a
    // commit or a merge: say so rather than "Error writing block".
    const std::string full = disk_full_note(writer.dir(), e.get_msg() + " " + (e.get_error_string() ? e.get_error_string() : ""));
    if (full.empty()) throw;
    throw IndexError("cannot write the index at '" + writer.dir() + "'" + full +
                     " (documents committed before this point are kept)");
  }
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
