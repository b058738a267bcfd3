#include "index/index_reader.h"

#include <algorithm>
#include <filesystem>

#include "error/error.h"
#include "index/cluster.h"
#include "index/id_term.h"
#include "index/schema.h"

namespace rasd {
namespace {

Xapian::Database open_database(const std::string& dir) {
  if (!std::filesystem::exists(dir)) throw IndexError("no index at '" + dir + "': build one with 'rasd index --db " + dir + " PATH'");
  try {
    return Xapian::Database(dir);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open the index at '" + dir + "': " + e.get_msg());
  }
}

std::shared_ptr<ShardSet> open_shards(const std::string& path) {
  if (!is_cluster_file(path)) return nullptr;
  return std::make_shared<ShardSet>(read_cluster_file(path));
}

std::uint64_t next_sequence_of(const Xapian::Database& db) {
  const std::string seq = db.get_metadata(std::string(schema::kMetaNextSequence));
  return seq.empty() ? 0 : std::stoull(seq);
}

}  // namespace

IndexReader::IndexReader(const std::string& dir)
    : dir_(dir),
      shards_(open_shards(dir)),
      db_(shards_ ? shards_->db() : open_database(dir)),
      stats_(db_) {
  analyzer_name_ = db_.get_metadata(std::string(schema::kMetaAnalyzer));
  if (analyzer_name_.empty() && shards_)
    throw IndexError("the cluster in '" + dir + "' holds no rasd index yet (no analyzer recorded): index into it first " +
                     "with 'rasd index --cluster " + dir + " PATH'");
  if (analyzer_name_.empty()) throw IndexError("'" + dir + "' is not a rasd index (no analyzer recorded)");
  stemmer_ = parse_stemmer_kind(db_.get_metadata(std::string(schema::kMetaStemmer)));
}

IndexReader::~IndexReader() = default;

std::vector<std::string> IndexReader::failed_shards() const { return shards_ ? shards_->failed() : std::vector<std::string>{}; }

bool IndexReader::server_failed(const std::string& context) {
  if (!shards_) return false;
  shards_->server_failed(context);
  db_ = shards_->db();
  stats_ = DatabaseTermStats(db_);
  return true;
}

bool IndexReader::retry_due() {
  if (!shards_ || !shards_->retry_due()) return false;
  db_ = shards_->db();
  stats_ = DatabaseTermStats(db_);
  return true;
}

std::uint64_t IndexReader::visible_sequence() const {
  if (!shards_) {
    if (db_.get_doccount() == 0) return 0;
    return schema::sequence_from_value(db_.get_value_upper_bound(schema::kSequence));
  }
  std::uint64_t lowest = UINT64_MAX;
  for (const auto& [n, db] : shards_->live()) lowest = std::min(lowest, next_sequence_of(db));
  return lowest == UINT64_MAX || lowest == 0 ? 0 : lowest - 1;
}

std::unique_ptr<Analyzer> IndexReader::make_analyzer(const std::string& gazetteer_dir) const {
  auto analyzer = rasd::make_analyzer({stemmer_, gazetteer_dir});
  if (analyzer->name() != analyzer_name_)
    throw VersionMismatch("the index at '" + dir_ + "' was built by analyzer " + analyzer_name_ + " but this rasd has " +
                          analyzer->name() + ": re-index it (rasd index --db " + dir_ + " ...)");
  return analyzer;
}

IndexStats index_stats(const IndexReader& reader) {
  const Xapian::Database& db = reader.db();
  IndexStats s;
  s.documents = db.get_doccount();
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++s.terms;
  std::error_code ec;
  if (!reader.shards())
    for (const auto& entry : std::filesystem::recursive_directory_iterator(reader.dir(), ec))
      if (entry.is_regular_file(ec)) s.bytes += entry.file_size(ec);
  s.analyzer = reader.analyzer_name();
  s.stemmer = db.get_metadata(std::string(schema::kMetaStemmer));
  s.schema_version = db.get_metadata(std::string(schema::kMetaSchema));
  s.last_commit = db.get_metadata(std::string(schema::kMetaLastCommit));
  s.next_sequence = next_sequence_of(db);
  if (reader.shards()) {
    for (const auto& [n, shard] : reader.shards()->live()) {
      s.next_sequence = std::max(s.next_sequence, next_sequence_of(shard));
      s.last_commit = std::max(s.last_commit, shard.get_metadata(std::string(schema::kMetaLastCommit)));
    }
    s.shards = reader.shards()->states();
  }
  return s;
}

std::optional<std::string> stored_document(const IndexReader& reader, const std::string& id) {
  const Xapian::Database& db = reader.db();
  const std::string term = id_term(id);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*p).get_data();
}

}  // namespace rasd
