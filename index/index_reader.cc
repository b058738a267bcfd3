#include "index/index_reader.h"

#include <filesystem>

#include "error/error.h"
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

}  // namespace

IndexReader::IndexReader(const std::string& dir) : dir_(dir), db_(open_database(dir)), stats_(db_) {
  analyzer_name_ = db_.get_metadata(std::string(schema::kMetaAnalyzer));
  if (analyzer_name_.empty()) throw IndexError("'" + dir + "' is not a rasd index (no analyzer recorded)");
  stemmer_ = parse_stemmer_kind(db_.get_metadata(std::string(schema::kMetaStemmer)));
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
  for (const auto& entry : std::filesystem::recursive_directory_iterator(reader.dir(), ec))
    if (entry.is_regular_file(ec)) s.bytes += entry.file_size(ec);
  s.analyzer = reader.analyzer_name();
  s.stemmer = db.get_metadata(std::string(schema::kMetaStemmer));
  s.schema_version = db.get_metadata(std::string(schema::kMetaSchema));
  s.last_commit = db.get_metadata(std::string(schema::kMetaLastCommit));
  const std::string seq = db.get_metadata(std::string(schema::kMetaNextSequence));
  s.next_sequence = seq.empty() ? 0 : std::stoull(seq);
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
