// The one writer of an index: opens it (creating it with the analyzer's settings, or checking
// that the analyzer matches the one recorded), replaces documents by id, skips unchanged ones,
// assigns ingest sequence numbers and copy clusters (copy_clusters.h), deletes by id, commits in
// batches. A bulk build of a new index may spread its writes over side parts, one thread each
// (parts.h).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/copy_clusters.h"

namespace rasd {

/// What happened to one document handed to the writer.
struct WriteResult {
  enum class Action { Added, Replaced, Unchanged } action = Action::Added;
  Kinship kinship = Kinship::Unique;
};

class IndexWriter {
 public:
  /// Opens or creates the index at `dir`. Throws IndexError when another process holds its
  /// write lock or it cannot be opened. Parts that a killed bulk build left beside the index
  /// are merged into it first: every batch they committed is kept.
  /// `dir` may instead name a cluster file (index/cluster.h): each shard's write server is
  /// then a part, every document goes to the shard of its id, and a commit commits every
  /// shard (at once) with the same sequence counter. Throws IndexError naming a shard that
  /// cannot be opened.
  explicit IndexWriter(const std::string& dir);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// The stemmer recorded in the index; nothing for a new index.
  std::optional<StemmerKind> recorded_stemmer() const;
  /// After use_analyzer(): a cluster's shards that copy detection cannot read this run (see
  /// CopyClusters::unseen_shards).
  std::vector<std::string> unseen_shards() const;

  /// Records `analyzer` in a new index, or throws VersionMismatch when the index was built by
  /// another analyzer. Must be called before add().
  void use_analyzer(const Analyzer& analyzer);

  /// Writes to `part` (0 = the index itself). Calls for different parts may run at once,
  /// each part from one thread at a time.
  WriteResult add(BuiltDocument&& built, unsigned part = 0);

  /// A bulk build of an empty index: from now on add() may also write to parts 1..n-1 (side
  /// indexes), which finish() merges into the index. Throws IndexError when the index is not
  /// empty (replacing a document needs the index that holds it).
  void split(unsigned parts);
  unsigned parts() const { return cluster_ ? 1u : static_cast<unsigned>(parts_.size()); }
  /// Whether split() may be used: not on a cluster, whose shards already share the writing.
  bool can_split() const { return !cluster_; }
  /// Whether the index is a cluster of shards.
  bool is_cluster() const { return cluster_; }

  /// Commits one part (from the thread that writes it).
  void commit(unsigned part);

  /// The next ingest sequence is at least `next` (a re-index keeps the sequences of the index
  /// it rebuilds, also past documents deleted from it).
  void keep_next_sequence_at_least(std::uint64_t next);

  /// Deletes the document with this id; false when there is none.
  bool remove(const std::string& id);

  /// Commits pending changes of every part, with the sequence counter and the commit time.
  void commit();

  /// Commits, and merges the parts into the index when there are any (compacting it), or
  /// compacts it when `compact`. Closes the writer when it merged or compacted: call it last.
  /// Clusters that a bridging copy merged during a bulk build are rewritten in the merged index
  /// (a bulk build killed before its merge keeps them apart until the documents are indexed again).
  /// Returns how many documents the merge dropped as older copies of an id another part wrote.
  std::size_t finish(bool compact);

  std::uint32_t doc_count() const;
  /// Documents the index held when it was opened.
  std::uint32_t initial_doc_count() const { return initial_docs_; }
  const std::string& dir() const { return dir_; }

 private:
  /// One database written by one thread: the index itself, or a side part; on a cluster, a
  /// shard (`dir` then names it).
  struct Part {
    std::string dir;
    Xapian::WritableDatabase db;
    std::unordered_set<std::string> written;  // id terms written to it in this run
  };

  std::optional<Xapian::docid> find(Part& part, const std::string& id_term);
  /// The part a document is written to: its shard on a cluster, else `part`.
  Part& part_for(const std::string& id_term, unsigned part);
  void open_cluster();
  void commit_cluster();
  void merge_leftover_parts();
  /// Rewrites the cluster key of documents whose cluster merged into another.
  static void apply_fixups(Xapian::WritableDatabase& db, const std::vector<ClusterFixup>& fixups);

  std::string dir_;
  bool cluster_ = false;
  std::vector<Part> parts_;  // [0] is the index
  std::uint32_t initial_docs_ = 0;
  bool closed_ = false;  // finish() swapped in a merged or compacted copy
  std::mutex mutex_;  // guards what parts share: next_seq_, clusters_ and fixups_
  std::uint64_t next_seq_ = 1;
  std::unique_ptr<CopyClusters> clusters_;  // made by use_analyzer(): it reads stored texts
  std::vector<ClusterFixup> fixups_;        // of a bulk build, applied once its parts are merged
};

}  // namespace rasd
