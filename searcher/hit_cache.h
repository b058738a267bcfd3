// The display fields of documents, parsed from the stored JSON once per document and kept
// across searches, and the snippets built for them per query: one alert run hits the same new
// document from many alerts, and a server shows the same documents again and again.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searcher/match_terms.h"
#include "searcher/search.h"

namespace rasd {

/// What a hit shows of one document (and its text, for snippets).
struct StoredFields {
  std::string id, title, source, url, published, text;
  std::vector<EntityRef> entities;
  std::uint64_t sequence = 0;
  bool parsed = false;  // the stored data was a JSON object
};

/// A document's id and ingest sequence: all an ids-only hit carries.
struct DocKey {
  std::string id;
  std::uint64_t sequence = 0;
};

/// Stored fields by docid, ids by docid (for ids-only hits) and snippets by (docid, query). One per Searcher (not thread-safe),
/// cleared when the database changes; bounded, it starts over when full.
class HitCache {
 public:
  explicit HitCache(std::size_t max_docs = 4096) : max_docs_(max_docs) {}

  /// The fields of `doc`, read and parsed on first use. The reference holds until the next call.
  /// `did` is the match's docid: a document read from a shard knows only its docid there.
  const StoredFields& fields(const Xapian::Document& doc, Xapian::docid did);
  /// The fields when already cached, else null.
  const StoredFields* find(Xapian::docid did) const;
  /// The snippet of `did` for the query whose match_key() is `key`, else null.
  const Snippet* snippet(Xapian::docid did, const std::string& key) const;
  void put_snippet(Xapian::docid did, const std::string& key, const Snippet& snippet);
  /// The id and sequence of `did` when known (from its fields or an earlier ids-only hit), else null.
  const DocKey* find_key(Xapian::docid did) const;
  void put_key(Xapian::docid did, DocKey key);
  void clear();

 private:
  std::size_t max_docs_;
  std::unordered_map<Xapian::docid, StoredFields> docs_;
  std::unordered_map<std::string, Snippet> snippets_;  // key: docid bytes + match key
  std::unordered_map<Xapian::docid, DocKey> keys_;
};

/// A string that differs whenever the highlighted words of a query differ.
std::string match_key(const MatchTerms& match);

}  // namespace rasd
