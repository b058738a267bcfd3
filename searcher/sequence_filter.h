// Restricting a search to the documents ingested after a sequence number (alerts). A value-range
// query on the sequence slot tests the value of every candidate document, and the alert runner
// asks it once per alert; this index reads the sequences once per database revision instead, so
// that each restricted search walks only the new documents' ids.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <xapian.h>

namespace rasd {

/// The ingest sequence of every document of one database revision (one per Searcher; cleared
/// when the database changes).
class SequenceIndex {
 public:
  using Docids = std::shared_ptr<const std::vector<Xapian::docid>>;

  /// The docids of the documents ingested after `after`, ascending.
  Docids after(const Xapian::Database& db, std::uint64_t after);
  void clear();

 private:
  std::vector<std::pair<std::uint64_t, Xapian::docid>> by_sequence_;  // ascending sequence
  bool loaded_ = false;
  std::uint64_t last_after_ = 0;
  Docids last_;  // the answer for last_after_: alerts of one run mostly share a watermark
};

/// A query matching exactly `docids` (ascending), with no weight of its own.
Xapian::Query docid_query(SequenceIndex::Docids docids);

}  // namespace rasd
