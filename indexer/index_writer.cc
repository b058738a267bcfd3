#include "indexer/index_writer.h"

#include <filesystem>

#include "analyzers/error.h"
#include "indexer/iso_date.h"
#include "indexer/schema.h"
#include "indexer/signature.h"

namespace rasd {
namespace {

Xapian::WritableDatabase open_writable(const std::string& dir) {
  try {
    return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("the index at '" + dir + "' is locked by another process (another 'rasd index' is writing to it); " +
                     "wait for it to finish and try again");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index at '" + dir + "' for writing: " + e.get_msg());
  }
}

std::string meta(const Xapian::Database& db, std::string_view key) { return db.get_metadata(std::string(key)); }

}  // namespace

IndexWriter::IndexWriter(const std::string& dir) : dir_(dir), db_(open_writable(dir)) {
  initial_docs_ = db_.get_doccount();
  const std::string seq = meta(db_, schema::kMetaNextSequence);
  if (!seq.empty()) next_seq_ = std::stoull(seq);
  clusters_ = std::make_unique<ClusterFinder>(dir);
}

IndexWriter::~IndexWriter() = default;

std::optional<StemmerKind> IndexWriter::recorded_stemmer() const {
  const std::string kind = meta(db_, schema::kMetaStemmer);
  if (kind.empty()) return std::nullopt;
  return parse_stemmer_kind(kind);
}

void IndexWriter::use_analyzer(const Analyzer& analyzer) {
  const std::string recorded = meta(db_, schema::kMetaAnalyzer);
  if (recorded.empty()) {
    db_.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.name());
    db_.set_metadata(std::string(schema::kMetaStemmer), to_string(analyzer.config().stemmer));
    db_.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    return;
  }
  if (recorded != analyzer.name())
    throw VersionMismatch("the index at '" + dir_ + "' was built by analyzer " + recorded + " but this rasd has " +
                          analyzer.name() + ": re-index into a new folder (rasd index --db NEW_DIR ...)");
  const std::string schema_version = meta(db_, schema::kMetaSchema);
  if (schema_version != std::to_string(schema::kSchemaVersion))
    throw VersionMismatch("the index at '" + dir_ + "' has schema version " + schema_version + " but this rasd writes " +
                          std::to_string(schema::kSchemaVersion) + ": re-index into a new folder");
}

std::optional<Xapian::docid> IndexWriter::find(const std::string& id_term) {
  // A new index holds only what this run wrote: no need to ask Xapian about other ids.
  if (initial_docs_ == 0 && !written_.count(id_term)) return std::nullopt;
  auto p = db_.postlist_begin(id_term);
  if (p == db_.postlist_end(id_term)) return std::nullopt;
  return *p;
}

bool IndexWriter::unchanged(const std::string& id_term, std::uint64_t content_hash) {
  const auto docid = find(id_term);
  if (!docid) return false;
  return db_.get_document(*docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHash) == to_hex(content_hash);
}

WriteResult IndexWriter::add(BuiltDocument&& built) {
  WriteResult result;
  const auto existing = find(built.id_term);
  if (existing) {
    if (db_.get_document(*existing, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHash) ==
        to_hex(built.content_hash)) {
      result.action = WriteResult::Action::Unchanged;
      return result;
    }
    result.action = WriteResult::Action::Replaced;
  }
  const ClusterChoice cluster = clusters_->assign(built.text_hash, built.simhash, built.id);
  result.kinship = cluster.kinship;
  const std::uint64_t seq = next_seq_++;
  Xapian::Document& doc = built.doc;
  doc.add_value(schema::kSequence, Xapian::sortable_serialise(static_cast<double>(seq)));
  doc.add_value(schema::kCluster, cluster.key);
  std::string data = "{\"seq\":" + std::to_string(seq) + (built.data.size() > 2 ? "," : "");
  data.append(built.data, 1, std::string::npos);
  doc.set_data(data);
  if (existing || initial_docs_ > 0 || written_.count(built.id_term))
    db_.replace_document(built.id_term, doc);
  else
    db_.add_document(doc);  // a new index without this id: no id-term lookup needed
  written_.insert(built.id_term);
  return result;
}

bool IndexWriter::remove(const std::string& id) {
  const std::string term = id_term(id);
  if (!db_.term_exists(term)) return false;
  db_.delete_document(term);
  return true;
}

void IndexWriter::commit() {
  db_.set_metadata(std::string(schema::kMetaNextSequence), std::to_string(next_seq_));
  db_.set_metadata(std::string(schema::kMetaLastCommit), now_iso());
  db_.commit();
}

std::uint32_t IndexWriter::doc_count() const {
  try {
    return db_.get_doccount();
  } catch (const Xapian::DatabaseClosedError&) {
    return Xapian::Database(dir_).get_doccount();  // after commit_and_compact()
  }
}

void IndexWriter::commit_and_compact() {
  namespace fs = std::filesystem;
  commit();
  const fs::path dir(dir_);
  const fs::path tmp = dir.parent_path() / (dir.filename().string() + ".compacting");
  const fs::path old = dir.parent_path() / (dir.filename().string() + ".old");
  fs::remove_all(tmp);
  fs::remove_all(old);
  try {
    Xapian::Database(dir_).compact(tmp.string());
  } catch (const Xapian::Error& e) {
    fs::remove_all(tmp);
    throw IndexError("cannot compact the index at '" + dir_ + "': " + e.get_msg());
  }
  db_.close();  // releases the write lock: the compacted copy replaces the folder
  fs::rename(dir, old);
  fs::rename(tmp, dir);
  fs::remove_all(old);
}

}  // namespace rasd
