// Docid lists read once per database revision, for queries that a value range would answer by
// testing the value of every candidate: the documents ingested after a sequence number (alerts
// ask it once per alert) and the members of a near-duplicate cluster (a hit's copies).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
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

/// The members of every near-duplicate cluster of one database revision, so that listing a hit's
/// copies matches a handful of docids instead of testing every match's cluster value.
class ClusterIndex {
 public:
  /// The docids whose cluster key is `key`, ascending (empty when none).
  SequenceIndex::Docids members(const Xapian::Database& db, const std::string& key);
  void clear();

 private:
  std::unordered_map<std::string, SequenceIndex::Docids> members_;
  bool loaded_ = false;
};

/// A query matching exactly `docids` (ascending), with no weight of its own.
Xapian::Query docid_query(SequenceIndex::Docids docids);

}  // namespace rasd
