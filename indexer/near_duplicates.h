// Assigning cluster keys: exact copies (same cleaned text) and near copies (simhashes within
// kNearDuplicateDistance bits) share the key of the first document seen; search collapses on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace rasd {

/// How a document relates to those already indexed (a copy of a document indexed by an earlier
/// run counts as near: the index keeps signatures, not texts).
enum class Kinship { Unique, ExactDuplicate, NearDuplicate };

/// The cluster a document joins.
struct ClusterChoice {
  std::string key;
  Kinship kinship = Kinship::Unique;
};

/// Finds clusters among this run's documents (in memory) and the index's (through the simhash
/// band terms of a read-only snapshot taken when the run began).
class ClusterFinder {
 public:
  /// `index_dir` may name an index that does not exist yet.
  explicit ClusterFinder(const std::string& index_dir);

  /// The cluster of a document with these signatures; records it for later documents.
  /// `own_key` is the key a unique document gets.
  ClusterChoice assign(std::uint64_t text_hash, std::uint64_t simhash, const std::string& own_key);

 private:
  std::optional<ClusterChoice> in_run(std::uint64_t text_hash, std::uint64_t simhash) const;
  std::optional<ClusterChoice> in_index(std::uint64_t simhash);

  struct Entry {
    std::uint64_t simhash;
    std::uint32_t cluster;
  };
  std::vector<std::string> clusters_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_text_;
  std::unordered_map<std::uint64_t, std::vector<Entry>> by_band_;  // key: band index << 16 | band bits
  std::optional<Xapian::Database> index_;
};

}  // namespace rasd
