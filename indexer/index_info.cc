#include "indexer/index_info.h"

#include <filesystem>

#include "analyzers/error.h"
#include "indexer/schema.h"

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

}  // namespace rasd
