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
#include "index/cluster.h"

#include <thread>

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

// The values that name a document's cluster: the key (collapse), its term, and the facet record
// (schema::facet_record) that carries the key to facet counting on shards.
void set_cluster(Xapian::Document& doc, const std::string& key, std::uint64_t seq) {
  doc.add_value(schema::kCluster, key);
  doc.add_boolean_term(cluster_term(key));
  doc.add_value(schema::kFacetRecord,
                schema::facet_record(key, seq, doc.get_value(schema::kPublished), doc.get_value(schema::kFacets)));
}

}  // namespace

IndexWriter::IndexWriter(const std::string& dir) : dir_(dir) {
  if (is_cluster_file(dir)) {
    open_cluster();
    return;
  }
  parts_.push_back({dir, open_writable(dir), {}});
  merge_leftover_parts();
  Xapian::WritableDatabase& db = parts_[0].db;
  initial_docs_ = db.get_doccount();
  const std::string seq = meta(db, schema::kMetaNextSequence);
  if (!seq.empty()) next_seq_ = std::stoull(seq);
}

void IndexWriter::open_cluster() {
  cluster_ = true;
  const ClusterSpec spec = read_cluster_file(dir_);
  for (std::size_t n = 0; n < spec.shards.size(); ++n) {
    const std::string name = shard_name(n, spec.shards[n].write) + " of the cluster in '" + dir_ + "'";
    try {
      parts_.push_back({name, open_remote_writable(spec.shards[n].write, spec.timeout_ms), {}});
    } catch (const Xapian::DatabaseLockError&) {
      throw IndexError(name + " is locked by another writer; wait for it to finish and try again");
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot open " + name + " for writing: " + e.get_msg() +
                       " (is its 'xapian-tcpsrv --writable' running?)");
    }
    initial_docs_ += parts_.back().db.get_doccount();
    const std::string seq = meta(parts_.back().db, schema::kMetaNextSequence);
    if (!seq.empty()) next_seq_ = std::max<std::uint64_t>(next_seq_, std::stoull(seq));
  }
}

IndexWriter::Part& IndexWriter::part_for(const std::string& id_term, unsigned part) {
  return cluster_ ? parts_[shard_of(id_term, parts_.size())] : parts_.at(part);
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
  if (closed_ || cluster_) return;
  const CommitGate::Hold gate = CommitGate::acquire(dir_, CommitGate::Mode::Shared);
  parts_.clear();
}

std::optional<StemmerKind> IndexWriter::recorded_stemmer() const {
  const std::string kind = meta(parts_[0].db, schema::kMetaStemmer);
  if (kind.empty()) return std::nullopt;
  return parse_stemmer_kind(kind);
}

std::vector<std::string> IndexWriter::unseen_shards() const {
  return clusters_ ? clusters_->unseen_shards() : std::vector<std::string>();
}

void IndexWriter::use_analyzer(const Analyzer& analyzer) {
  clusters_ = std::make_unique<CopyClusters>(dir_, analyzer);
  // A cluster's shards each record the settings (a shard server starts on an empty folder).
  for (Part& part : parts_) {
    if (!cluster_ && &part != &parts_[0]) break;
    Xapian::WritableDatabase& db = part.db;
    const std::string where = cluster_ ? part.dir : "the index at '" + dir_ + "'";
    const std::string recorded = meta(db, schema::kMetaAnalyzer);
    if (recorded.empty()) {
      db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.name());
      db.set_metadata(std::string(schema::kMetaStemmer), to_string(analyzer.config().stemmer));
      db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
      continue;
    }
    if (recorded != analyzer.name())
      throw VersionMismatch(where + " was built by analyzer " + recorded + " but this rasd has " + analyzer.name() +
                            ": re-index into a new folder (rasd index --db NEW_DIR ...)");
    const std::string schema_version = meta(db, schema::kMetaSchema);
    if (schema_version != std::to_string(schema::kSchemaVersion))
      throw VersionMismatch(where + " has schema version " + schema_version + " but this rasd writes " +
                            std::to_string(schema::kSchemaVersion) + ": re-index into a new folder");
  }
}

std::optional<Xapian::docid> IndexWriter::find(Part& part, const std::string& id_term) {
  // A new index holds only what this run wrote: no need to ask Xapian about other ids.
  if (initial_docs_ == 0 && !part.written.count(id_term)) return std::nullopt;
  auto p = part.db.postlist_begin(id_term);
  if (p == part.db.postlist_end(id_term)) return std::nullopt;
  return *p;
}

void IndexWriter::split(unsigned parts) {
  if (cluster_) return;  // the shards share the writing already
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
  Part& part = part_for(built.id_term, part_no);
  WriteResult result;
  std::optional<Xapian::docid> existing;
  try {
    existing = find(part, built.id_term);
  } catch (const Xapian::NetworkError& e) {
    throw IndexError("cannot read " + part.dir + ": " + e.get_msg() +
                     " (what was committed before is kept; run the same ingest again to complete it)");
  }
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
  doc.add_value(schema::kOrder, schema::order_value(doc.get_value(schema::kPublished), seq));
  set_cluster(doc, cluster.key, seq);
  std::string data = "{\"seq\":" + std::to_string(seq) + (built.data.size() > 2 ? "," : "");
  data.append(built.data, 1, std::string::npos);
  doc.set_data(data);
  try {
    if (existing || initial_docs_ > 0 || part.written.count(built.id_term))
      part.db.replace_document(built.id_term, doc);
    else
      part.db.add_document(doc);  // a new index without this id: no id-term lookup needed
  } catch (const Xapian::NetworkError& e) {
    throw IndexError("cannot write document '" + built.id + "' to " + part.dir + ": " + e.get_msg() +
                     " (what was committed before is kept; run the same ingest again to complete it)");
  }
  part.written.insert(built.id_term);
  return result;
}

void IndexWriter::keep_next_sequence_at_least(std::uint64_t next) {
  std::lock_guard lock(mutex_);
  next_seq_ = std::max(next_seq_, next);
}

bool IndexWriter::remove(const std::string& id) {
  const std::string term = id_term(id);
  Xapian::WritableDatabase& db = part_for(term, 0).db;
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
    set_cluster(doc, f.key, schema::sequence_from_value(doc.get_value(schema::kSequence)));
    db.replace_document(did, doc);
  }
}

// Every shard gets the same sequence counter, also one that got no document in this batch: a
// reader takes the lowest counter of the shards as what is visible everywhere (alerts).
void IndexWriter::commit_cluster() {
  std::uint64_t next = 0;
  std::vector<ClusterFixup> fixups;
  {
    std::lock_guard lock(mutex_);
    next = next_seq_;
    if (clusters_) fixups = clusters_->take_fixups();
  }
  std::vector<std::vector<ClusterFixup>> by_shard(parts_.size());
  for (ClusterFixup& f : fixups) by_shard[shard_of(f.id_term, parts_.size())].push_back(std::move(f));
  std::vector<std::string> errors(parts_.size());
  const std::string when = now_iso();
  const auto commit_shard = [&](std::size_t n) {
    try {
      Xapian::WritableDatabase& db = parts_[n].db;
      apply_fixups(db, by_shard[n]);
      db.set_metadata(std::string(schema::kMetaNextSequence), std::to_string(next));
      db.set_metadata(std::string(schema::kMetaLastCommit), when);
      db.commit();
    } catch (const Xapian::Error& e) {
      errors[n] = "cannot commit to " + parts_[n].dir + ": " + e.get_msg();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t n = 1; n < parts_.size(); ++n) threads.emplace_back(commit_shard, n);
  commit_shard(0);
  for (std::thread& t : threads) t.join();
  std::string message;
  for (const std::string& e : errors)
    if (!e.empty()) message += (message.empty() ? "" : "; ") + e;
  if (!message.empty())
    throw IndexError(message + " (what the shards committed before is kept; run the same ingest again to complete it)");
}

void IndexWriter::commit(unsigned part) {
  if (cluster_) {
    commit_cluster();
    return;
  }
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
  if (cluster_) {
    commit_cluster();
    return;
  }
  for (unsigned n = 0; n < parts_.size(); ++n) commit(n);
}

std::uint32_t IndexWriter::doc_count() const {
  if (cluster_) {
    std::uint32_t n = 0;
    for (const Part& p : parts_) n += p.db.get_doccount();
    return n;
  }
  if (closed_) return Xapian::Database(dir_).get_doccount();  // finish() merged or compacted
  return parts_[0].db.get_doccount();
}

std::size_t IndexWriter::finish(bool compact) {
  commit();
  if (cluster_) return 0;  // shard servers compact their own folders (xapian-compact, docs/CLUSTER.md)
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
