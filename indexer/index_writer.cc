#include "indexer/index_writer.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "error/error.h"
#include "indexer/disk_space.h"
#include "indexer/iso_date.h"
#include "index/id_term.h"
#include "index/index_folder.h"
#include "index/schema.h"
#include "indexer/parts.h"
#include "index/hash.h"

namespace rasd {
namespace {

Xapian::WritableDatabase open_writable(const std::string& dir, int flags = 0) {
  try {
    return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN | flags);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("the index at '" + dir + "' is locked by another process (another 'rasd index' is writing to it); " +
                     "wait for it to finish and try again");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index at '" + dir + "' for writing: " + e.get_msg());
  }
}

std::string meta(const Xapian::Database& db, std::string_view key) { return db.get_metadata(std::string(key)); }

}  // namespace

IndexWriter::IndexWriter(const std::string& dir) : dir_(dir) {
  parts_.push_back({dir, open_writable(dir), {}});
  merge_leftover_parts();
  Xapian::WritableDatabase& db = parts_[0].db;
  initial_docs_ = db.get_doccount();
  const std::string seq = meta(db, schema::kMetaNextSequence);
  if (!seq.empty()) next_seq_ = std::stoull(seq);
}

// A bulk build killed before its merge left parts with committed batches: keep them.
void IndexWriter::merge_leftover_parts() {
  std::vector<std::string> parts;
  for (const std::string& s : leftover_parts(dir_)) {
    try {
      if (Xapian::Database(s).get_doccount() > 0) {
        parts.push_back(s);
        continue;
      }
    } catch (const Xapian::Error&) {
      // Killed while it was created: it holds no committed batch.
    }
    std::filesystem::remove_all(s);
  }
  if (parts.empty()) return;
  const std::string merged = sibling(dir_, ".merging");
  compact_into(dir_, parts, merged);
  parts_[0].db.close();
  swap_in(dir_, merged);
  for (const std::string& s : parts) std::filesystem::remove_all(s);
  parts_[0].db = open_writable(dir_);
}

// Xapian commits what is pending when a writer closes: that commit, too, under the gate.
IndexWriter::~IndexWriter() {
  if (closed_) return;
  const CommitGate::Hold gate = CommitGate::acquire(dir_, CommitGate::Mode::Shared);
  parts_.clear();
}

std::optional<StemmerKind> IndexWriter::recorded_stemmer() const {
  const std::string kind = meta(parts_[0].db, schema::kMetaStemmer);
  if (kind.empty()) return std::nullopt;
  return parse_stemmer_kind(kind);
}

void IndexWriter::use_analyzer(const Analyzer& analyzer) {
  clusters_ = std::make_unique<CopyClusters>(dir_, analyzer);
  Xapian::WritableDatabase& db = parts_[0].db;
  const std::string recorded = meta(db, schema::kMetaAnalyzer);
  if (recorded.empty()) {
    db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.name());
    db.set_metadata(std::string(schema::kMetaStemmer), to_string(analyzer.config().stemmer));
    db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
    return;
  }
  if (recorded != analyzer.name())
    throw VersionMismatch("the index at '" + dir_ + "' was built by analyzer " + recorded + " but this rasd has " +
                          analyzer.name() + ": re-index into a new folder (rasd index --db NEW_DIR ...)");
  const std::string schema_version = meta(db, schema::kMetaSchema);
  if (schema_version != std::to_string(schema::kSchemaVersion))
    throw VersionMismatch("the index at '" + dir_ + "' has schema version " + schema_version + " but this rasd writes " +
                          std::to_string(schema::kSchemaVersion) + ": re-index into a new folder");
}

std::optional<Xapian::docid> IndexWriter::find(Part& part, const std::string& id_term) {
  // A new index holds only what this run wrote: no need to ask Xapian about other ids.
  if (initial_docs_ == 0 && !part.written.count(id_term)) return std::nullopt;
  auto p = part.db.postlist_begin(id_term);
  if (p == part.db.postlist_end(id_term)) return std::nullopt;
  return *p;
}

void IndexWriter::split(unsigned parts) {
  if (initial_docs_ > 0 || parts_.size() > 1)
    throw IndexError("the index at '" + dir_ + "' already holds documents: it cannot be built in parts");
  if (parts < 2) return;
  // A bulk build's commits need not wait for the disk (a killed process loses nothing written;
  // the merge syncs the result): fsync was a quarter of the wall time once the parts grew.
  parts_[0].db.close();
  parts_[0].db = open_writable(dir_, Xapian::DB_NO_SYNC);
  for (unsigned n = 1; n < parts; ++n) {
    const std::string dir = part_dir(dir_, n);
    std::filesystem::remove_all(dir);
    parts_.push_back({dir, open_writable(dir, Xapian::DB_NO_SYNC), {}});
  }
}

WriteResult IndexWriter::add(BuiltDocument&& built, unsigned part_no) {
  Part& part = parts_.at(part_no);
  WriteResult result;
  const auto existing = find(part, built.id_term);
  if (existing) {
    if (part.db.get_document(*existing, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHash) ==
        to_hex(built.content_hash)) {
      result.action = WriteResult::Action::Unchanged;
      return result;
    }
    result.action = WriteResult::Action::Replaced;
  }
  if (!clusters_) throw IndexError("the index writer of '" + dir_ + "' was given no analyzer (use_analyzer)");
  std::uint64_t seq = 0;
  ClusterChoice cluster;
  {
    std::lock_guard lock(mutex_);
    cluster = clusters_->assign(built.id, built.id_term, built.copy);
    seq = built.sequence ? *built.sequence : next_seq_;
    next_seq_ = std::max(next_seq_, seq + 1);
  }
  result.kinship = cluster.kinship;
  Xapian::Document& doc = built.doc;
  doc.add_value(schema::kSequence, schema::sequence_value(seq));
  doc.add_value(schema::kCluster, cluster.key);
  doc.add_boolean_term(cluster_term(cluster.key));
  std::string data = "{\"seq\":" + std::to_string(seq) + (built.data.size() > 2 ? "," : "");
  data.append(built.data, 1, std::string::npos);
  doc.set_data(data);
  if (existing || initial_docs_ > 0 || part.written.count(built.id_term))
    part.db.replace_document(built.id_term, doc);
  else
    part.db.add_document(doc);  // a new index without this id: no id-term lookup needed
  part.written.insert(built.id_term);
  return result;
}

void IndexWriter::keep_next_sequence_at_least(std::uint64_t next) {
  std::lock_guard lock(mutex_);
  next_seq_ = std::max(next_seq_, next);
}

bool IndexWriter::remove(const std::string& id) {
  Xapian::WritableDatabase& db = parts_[0].db;
  const std::string term = id_term(id);
  if (!db.term_exists(term)) return false;
  db.delete_document(term);
  return true;
}

void IndexWriter::apply_fixups(Xapian::WritableDatabase& db, const std::vector<ClusterFixup>& fixups) {
  for (const ClusterFixup& f : fixups) {
    auto p = db.postlist_begin(f.id_term);
    if (p == db.postlist_end(f.id_term)) continue;  // deleted since
    const Xapian::docid did = *p;
    Xapian::Document doc = db.get_document(did);
    const std::string old = doc.get_value(schema::kCluster);
    if (old == f.key) continue;
    if (!old.empty()) {
      try {
        doc.remove_term(cluster_term(old));
      } catch (const Xapian::InvalidArgumentError&) {
        // written before cluster terms: nothing to remove
      }
    }
    doc.add_boolean_term(cluster_term(f.key));
    doc.add_value(schema::kCluster, f.key);
    db.replace_document(did, doc);
  }
}

void IndexWriter::commit(unsigned part) {
  Xapian::WritableDatabase& db = parts_.at(part).db;
  const auto commit_naming_a_full_disk = [&] {
    try {
      db.commit();
    } catch (const Xapian::DatabaseError& e) {
      const std::string full = disk_full_note(parts_.at(part).dir, e.get_msg() + " " + (e.get_error_string() ? e.get_error_string() : ""));
      if (full.empty()) throw;
      throw IndexError("cannot commit to the index at '" + parts_.at(part).dir + "'" + full);
    }
  };
  if (part == 0) {
    std::uint64_t next = 0;
    std::vector<ClusterFixup> fixups;
    {
      std::lock_guard lock(mutex_);
      next = next_seq_;
      if (clusters_) {
        auto more = clusters_->take_fixups();
        fixups_.insert(fixups_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      }
      // One writer: the documents a bridge moved are rewritten in the batch that holds the
      // bridge. A bulk build's parts are written by other threads: they wait for the merge.
      if (parts_.size() == 1) fixups.swap(fixups_);
    }
    apply_fixups(db, fixups);
    db.set_metadata(std::string(schema::kMetaNextSequence), std::to_string(next));
    db.set_metadata(std::string(schema::kMetaLastCommit), now_iso());
    // A backup copying the files waits for this commit, or this commit for the copy.
    const CommitGate::Hold gate = CommitGate::acquire(dir_, CommitGate::Mode::Shared);
    commit_naming_a_full_disk();
    return;
  }
  commit_naming_a_full_disk();
}

void IndexWriter::commit() {
  for (unsigned n = 0; n < parts_.size(); ++n) commit(n);
}

std::uint32_t IndexWriter::doc_count() const {
  if (closed_) return Xapian::Database(dir_).get_doccount();  // finish() merged or compacted
  return parts_[0].db.get_doccount();
}

std::size_t IndexWriter::finish(bool compact) {
  commit();
  if (parts_.size() == 1 && !compact) return 0;
  std::vector<std::string> parts;
  for (std::size_t n = 1; n < parts_.size(); ++n) {
    parts_[n].db.close();
    parts.push_back(parts_[n].dir);
  }
  const std::string merged = sibling(dir_, ".compacting");
  const std::size_t dropped = compact_into(dir_, parts, merged);
  if (!fixups_.empty()) {
    Xapian::WritableDatabase out = open_writable(merged);
    apply_fixups(out, fixups_);
    out.commit();
    fixups_.clear();
  }
  parts_[0].db.close();  // releases the write lock: the merged copy replaces the folder
  closed_ = true;
  swap_in(dir_, merged);
  for (const std::string& s : parts) std::filesystem::remove_all(s);
  return dropped;
}

}  // namespace rasd
