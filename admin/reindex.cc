#include "admin/reindex.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/stem/stem_memo.h"
#include "error/error.h"
#include "index/index_folder.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"
#include "indexer/corpus_stats.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"

namespace rasd {
namespace fs = std::filesystem;
namespace {

// Documents read from the old index at a time: the reader is single-threaded, analysis and
// writing are not.
constexpr std::size_t kBlockPerThread = 256;

struct Stored {
  std::uint64_t sequence = 0;
  Xapian::docid docid = 0;
};

// The documents in ingest order, as they were first written.
std::vector<Stored> in_sequence_order(const Xapian::Database& db) {
  std::vector<Stored> out;
  out.reserve(db.get_doccount());
  for (auto it = db.valuestream_begin(schema::kSequence); it != db.valuestream_end(schema::kSequence); ++it)
    out.push_back({schema::sequence_from_value(*it), it.get_docid()});
  std::sort(out.begin(), out.end(), [](const Stored& a, const Stored& b) { return a.sequence < b.sequence; });
  return out;
}

// The report a stored document was built from (report.h's stored JSON: the cleaned text).
Report report_of(const std::string& data) {
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) throw IndexError("a stored document is not JSON");
  Report r;
  r.id = j.value("id", "");
  r.title = j.value("title", "");
  r.body = j.value("text", "");
  r.source = j.value("source", "");
  r.url = j.value("url", "");
  if (j.contains("published") && j["published"].is_string()) r.published = j["published"].get<std::string>();
  r.lang = j.value("lang", "ar");
  if (j.contains("extra") && j["extra"].is_object() && !j["extra"].empty()) r.extra_json = j["extra"].dump();
  r.origin = "stored document '" + r.id + "'";
  return r;
}

// Runs fn(worker, i) for i in [0, n) on `threads` threads, contiguous slices each.
template <typename Fn>
void parallel(std::size_t n, unsigned threads, Fn fn) {
  std::vector<std::thread> pool;
  const std::size_t slice = (n + threads - 1) / threads;
  for (unsigned w = 0; w < threads && w * slice < n; ++w)
    pool.emplace_back([&, w] {
      for (std::size_t i = w * slice; i < std::min(n, (w + 1) * slice); ++i) fn(w, i);
    });
  for (std::thread& t : pool) t.join();
}

class Rebuild {
 public:
  Rebuild(const Xapian::Database& old, const Analyzer& analyzer, const ReindexOptions& options)
      : old_(old), analyzer_(analyzer), options_(options),
        threads_(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency())),
        order_(in_sequence_order(old)) {}

  std::size_t total() const { return order_.size(); }

  // Pass 1: the document frequencies the new index will have, so the light stemmer decides as
  // the finished index will at query time (as rasd index's pre-count).
  void count() {
    std::vector<BatchCounts> counts(threads_);
    for_blocks([&](const std::vector<std::string>& data, const std::vector<std::string>&) {
      parallel(data.size(), threads_, [&](unsigned w, std::size_t i) { count_report(analyzer_, report_of(data[i]), counts[w]); });
    });
    for (unsigned w = 1; w < threads_; ++w) counts[0].merge(std::move(counts[w]));
    batch_ = std::move(counts[0]);
  }

  // Pass 2: each thread builds documents and writes them to a part of its own (the bulk build's
  // parts: no fsync per commit, merged and synced by finish()), with the sequence they had.
  void write(IndexWriter& writer, const ReindexProgress& progress) {
    const DocumentBuilder builder(analyzer_);
    std::vector<std::unique_ptr<CorpusStats>> stats;
    std::vector<StemMemo> memos(threads_);
    std::vector<std::size_t> pending(threads_, 0);
    for (unsigned w = 0; w < threads_; ++w) stats.push_back(std::make_unique<CorpusStats>(&batch_, ""));
    writer.split(threads_);
    std::size_t done = 0;
    for_blocks([&](const std::vector<std::string>& data, const std::vector<std::string>& hashes) {
      parallel(data.size(), threads_, [&](unsigned w, std::size_t i) {
        BuiltDocument doc = builder.build(report_of(data[i]), stats[w].get(), &memos[w]);
        doc.sequence = order_[done + i].sequence;
        // The hash of the report as first read: a later `rasd index` of the same file finds it
        // unchanged (the stored text is the cleaned one, which would hash otherwise).
        if (!hashes[i].empty()) doc.doc.add_value(schema::kContentHash, hashes[i]);
        writer.add(std::move(doc), w);
        if (++pending[w] >= options_.batch_size) {
          writer.commit(w);
          pending[w] = 0;
        }
      });
      done += data.size();
      if (progress) progress(done, order_.size());
    });
  }

 private:
  // Hands the stored data and content hashes of the documents, block by block in ingest order,
  // to `fn` (the reader is used from this thread only).
  template <typename Fn>
  void for_blocks(Fn fn) {
    const std::size_t block = kBlockPerThread * threads_;
    std::vector<std::string> data, hashes;
    for (std::size_t start = 0; start < order_.size(); start += block) {
      data.clear();
      hashes.clear();
      for (std::size_t i = start; i < std::min(order_.size(), start + block); ++i) {
        const Xapian::Document doc = old_.get_document(order_[i].docid);
        data.push_back(doc.get_data());
        hashes.push_back(doc.get_value(schema::kContentHash));
      }
      fn(data, hashes);
    }
  }

  const Xapian::Database& old_;
  const Analyzer& analyzer_;
  const ReindexOptions& options_;
  unsigned threads_;
  std::vector<Stored> order_;
  BatchCounts batch_;
};

std::string meta(const Xapian::Database& db, std::string_view key) { return db.get_metadata(std::string(key)); }

}  // namespace

ReindexSummary reindex(const ReindexOptions& options, const ReindexProgress& progress) {
  const auto start = std::chrono::steady_clock::now();
  const std::string dir = folder_path(options.db_dir);
  if (!fs::is_directory(dir)) throw NotFound("no index at '" + dir + "'");
  // The write lock, held to the end: a commit to the old folder after the exchange would be lost.
  std::optional<Xapian::WritableDatabase> lock;
  try {
    lock.emplace(dir, Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("the index at '" + dir + "' is being written (rasd index, or ingest through rasd serve): " +
                     "wait for the writer to finish, then re-index");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index at '" + dir + "': " + e.get_msg());
  }
  const Xapian::Database old(dir);
  const std::string stemmer = meta(old, schema::kMetaStemmer);
  const auto analyzer = make_analyzer({stemmer.empty() ? StemmerKind::Light : parse_stemmer_kind(stemmer),
                                       options.gazetteer_dir});
  ReindexSummary summary;
  summary.from_analyzer = meta(old, schema::kMetaAnalyzer);
  summary.to_analyzer = analyzer->name();
  const std::string staging = dir + ".reindex";
  fs::remove_all(staging);
  try {
    Rebuild rebuild(old, *analyzer, options);
    {
      IndexWriter writer(staging);
      writer.use_analyzer(*analyzer);
      if (analyzer->config().stemmer == StemmerKind::Light) rebuild.count();
      rebuild.write(writer, progress);
      const std::string next = meta(old, schema::kMetaNextSequence);
      if (!next.empty()) writer.keep_next_sequence_at_least(std::stoull(next));
      writer.finish(true);  // compacted and synced
    }
    summary.documents = Xapian::Database(staging).get_doccount();
    if (summary.documents != old.get_doccount())
      throw IndexError("the rebuilt index holds " + std::to_string(summary.documents) + " documents, the index " +
                       std::to_string(old.get_doccount()) + ": it was not swapped in");
    {
      const CommitGate::Hold gate = CommitGate::acquire(dir, CommitGate::Mode::Shared);
      exchange_folders(staging, dir);
    }
  } catch (const Xapian::Error& e) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw IndexError("re-indexing '" + dir + "' failed: " + e.get_msg());
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  lock.reset();
  fs::remove_all(staging);  // the old index, exchanged out
  fs::remove(CommitGate::path(staging));
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace rasd
