// Copy clusters while indexing: a document joins the cluster of every earlier document it is a
// copy of (copy_match.h), found through its anchor terms among this run's documents (in memory)
// and the index's (a read-only snapshot taken when the run began; the candidates' signatures are
// rebuilt from their stored text). A copy that matches two clusters merges them.
//
// A cluster's key is the id of its first member and stays while copies join; when two merge,
// the older cluster's key stays and the other's members are rewritten (fixups). Because the
// comparison is a symmetric function of two documents and candidates are found through terms
// both carry, the clusters (their members) do not depend on the order documents arrive in: a
// bulk build and any sequence of batches give the same ones. Which member's id is the key may.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "index/id_term.h"
#include "indexer/copy_signature.h"

namespace rasd {

class Analyzer;

/// How a document relates to those indexed before it.
enum class Kinship { Unique, ExactDuplicate, NearDuplicate };  // near: a copy with edits

/// The cluster a document joins.
struct ClusterChoice {
  std::string key;
  Kinship kinship = Kinship::Unique;
};

/// A document written with one cluster key that now belongs to another.
struct ClusterFixup {
  std::string id_term;
  std::string key;
};

/// The anchor term of an anchor shingle.
std::string anchor_term(std::uint32_t anchor);

/// The signature of a stored document (its data JSON, report.h), as the builder made it.
CopySignature stored_signature(const std::string& data, const Analyzer& analyzer, const CopySigner& signer);

class CopyClusters {
 public:
  /// A crowded anchor says little: at most this many index documents are read per anchor.
  static constexpr std::size_t kMaxCandidatesPerAnchor = 256;

  /// `index_dir` may name an index that does not exist yet.
  CopyClusters(const std::string& index_dir, const Analyzer& analyzer);
  ~CopyClusters();

  /// The cluster of a document (not thread-safe: the writer calls it under its lock).
  ClusterChoice assign(const std::string& id, const std::string& id_term, const CopySignature& sig);

  /// Documents whose key changed since they were written, each once, with its final key;
  /// cleared by the call.
  std::vector<ClusterFixup> take_fixups();

  /// A cluster's shards whose search servers did not answer when the run began: copies of the
  /// reports they hold are not found (a report copying one starts a cluster of its own).
  const std::vector<std::string>& unseen_shards() const { return unseen_; }

 private:
  struct Entry {
    CopySignature sig;
    std::string id_term;
    std::uint32_t node;       // cluster node
    std::string written_key;  // the key its document carries
  };
  struct Node {
    std::uint32_t parent;
    std::string key;
    std::uint64_t age;  // lower is older: index clusters by the sequence of a member, this run's after
    std::vector<std::uint32_t> entries;  // this run's members (while a root)
    bool from_index = false;
  };
  struct Indexed {
    CopySignature sig;
    std::string key;
    std::uint64_t sequence = 0;
    std::string id_term;
  };

  std::uint32_t root(std::uint32_t n);
  std::uint32_t node_of_key(const std::string& key, std::uint64_t age, bool from_index);
  void unite(std::uint32_t a, std::uint32_t b);
  std::vector<std::uint32_t> in_run(const CopySignature& sig, Kinship& kinship) const;
  std::vector<std::uint32_t> in_index(const std::string& id_term, const CopySignature& sig, Kinship& kinship);
  const Indexed& indexed(Xapian::docid did);

  const Analyzer& analyzer_;
  std::unique_ptr<CopySigner> signer_;
  std::optional<Xapian::Database> index_;
  std::vector<std::string> unseen_;
  std::vector<Entry> entries_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, std::uint32_t> node_by_key_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_anchor_;  // anchor -> entries
  std::unordered_map<Xapian::docid, Indexed> indexed_;  // index candidates read so far
  std::unordered_map<std::string, std::string> absorbed_;  // key -> the key it merged into
  std::vector<std::string> newly_absorbed_;                 // since the last take_fixups()
  std::unordered_map<std::string, std::string> index_keys_;  // index documents fixed: id term -> key
  std::unordered_set<std::string> written_;                  // id terms written by this run
  std::uint64_t next_age_ = UINT64_MAX / 2;
};

}  // namespace rasd
