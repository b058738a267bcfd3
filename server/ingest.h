// POST /api/documents: JSON Lines reports indexed in-process with the indexer's writer and
// committed, so the next search sees them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rasd::http {

/// What one bulk ingest did.
struct IngestSummary {
  std::size_t indexed = 0;
  std::vector<std::pair<std::string, std::string>> skipped;   // (where, why) records not indexed
  std::vector<std::pair<std::string, std::string>> warnings;  // indexed but changed
};

/// Indexes the JSON Lines in `body` into the index at `db_dir` and commits. Throws InvalidInput
/// for an empty body, and IndexError / Xapian::DatabaseLockError when another writer holds it.
IngestSummary ingest_jsonl(const std::string& db_dir, const std::string& body);

nlohmann::json to_json(const IngestSummary& summary);

}  // namespace rasd::http
