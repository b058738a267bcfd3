// The one writer of an index: opens it (creating it with the analyzer's settings, or checking
// that the analyzer matches the one recorded), replaces documents by id, skips unchanged ones,
// assigns ingest sequence numbers and cluster keys, deletes by id, commits in batches.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/near_duplicates.h"

namespace rasd {

/// What happened to one document handed to the writer.
struct WriteResult {
  enum class Action { Added, Replaced, Unchanged } action = Action::Added;
  Kinship kinship = Kinship::Unique;
};

class IndexWriter {
 public:
  /// Opens or creates the index at `dir`. Throws IndexError when another process holds its
  /// write lock or it cannot be opened.
  explicit IndexWriter(const std::string& dir);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// The stemmer recorded in the index; nothing for a new index.
  std::optional<StemmerKind> recorded_stemmer() const;

  /// Records `analyzer` in a new index, or throws VersionMismatch when the index was built by
  /// another analyzer. Must be called before add().
  void use_analyzer(const Analyzer& analyzer);

  /// True when the stored document `id_term` has this content hash (nothing to re-index).
  bool unchanged(const std::string& id_term, std::uint64_t content_hash);

  WriteResult add(BuiltDocument&& built);

  /// Deletes the document with this id; false when there is none.
  bool remove(const std::string& id);

  /// Commits pending changes with the sequence counter and the commit time.
  void commit();

  /// Commits, then rewrites the index compactly (Xapian's compaction: about half the size
  /// of a freshly built index) and swaps it in. Closes the writer: call it last. Readers
  /// that have the index open keep the old files until they reopen it.
  void commit_and_compact();

  std::uint32_t doc_count() const;
  /// Documents the index held when it was opened.
  std::uint32_t initial_doc_count() const { return initial_docs_; }
  const std::string& dir() const { return dir_; }

 private:
  std::optional<Xapian::docid> find(const std::string& id_term);

  std::string dir_;
  Xapian::WritableDatabase db_;
  std::uint32_t initial_docs_ = 0;
  std::uint64_t next_seq_ = 1;
  std::unordered_set<std::string> written_;  // id terms written in this run
  std::unique_ptr<ClusterFinder> clusters_;
};

}  // namespace rasd
