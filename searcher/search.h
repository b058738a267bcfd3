// One search over an index: query + filters in, ranked hits with snippets, facet counts and a
// date histogram out. The command line, the HTTP server and the alert runner all call this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rasd {

/// Sequence: oldest ingest first (alerts page through new documents by it).
enum class SortOrder { Relevance, Date, Sequence };

/// Bounds on what one query may cost.
struct QueryLimits {
  std::size_t max_query_bytes = 4096;
  std::size_t max_terms = 64;          // words, phrases' words and filters together
  std::size_t max_depth = 8;           // nested parentheses
  std::size_t max_wildcard_expansion = 100;  // words one wildcard expands to
  std::size_t max_wildcard_terms = 300;      // words all the wildcards of one query expand to
  std::size_t max_wildcards = 8;             // each is a walk over the index's words at planning time
  std::size_t min_wildcard_prefix = 2; // letters before '*'
  std::uint32_t max_offset = 10000;    // deeper pages are refused
  std::uint32_t max_limit = 1000;      // hits per page
  std::uint32_t max_facet_docs = 5000000;  // facet counts visit at most this many matches
  std::uint32_t max_search_ms = 0;         // wall time of one search's matching; 0: no limit
                                           // (rasd serve sets one: SearchTimeout, HTTP 503)
};

/// Everything a search may ask for. Filters within one list are ORed, lists are ANDed.
struct SearchRequest {
  std::string query;
  std::vector<std::string> countries, orgs, persons, places, sources;  // id or Arabic/English label
  std::optional<std::string> from, to;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive
  SortOrder sort = SortOrder::Relevance;
  std::uint32_t offset = 0;
  std::uint32_t limit = 10;
  bool facets = false;        // facet counts + month histogram
  bool collapse = true;       // one hit per near-duplicate cluster
  std::optional<std::string> like_id;        // more like this document
  std::optional<std::uint64_t> after_sequence;  // only documents ingested after this (alerts)
  bool any_words = false;     // rank by any word (natural questions) instead of requiring all
  bool relax = true;          // when no report has every word, rank by any word (interactive
                              // search); alerts keep their query strict
  bool snippets = true;       // build snippets (batch runs that only need ids skip them)
  bool ids_only = false;      // hits carry only id, rank, score, sequence (no stored data read)
  std::uint32_t facet_limit = 20;  // values per facet (selected values are always listed)
};

struct Highlight {
  std::uint32_t start = 0, end = 0;  // byte offsets into Snippet::text
};

/// The best passage or two of a hit, with whole original words highlighted.
struct Snippet {
  std::string text;                     // plain text of the passage(s), original spelling
  std::vector<Highlight> highlights;    // offsets into text
  std::string html;                     // text HTML-escaped with <mark>…</mark> around highlights
};

struct EntityRef {
  std::string type, id, label_ar, label_en;
};

struct Copy {
  std::string id, source;
};

struct Hit {
  std::string id, title, source, url, published;
  std::uint32_t rank = 0;  // 1-based, over the whole result list
  double score = 0;
  Snippet snippet;
  std::vector<EntityRef> entities;
  std::uint32_t copies = 1;       // documents in its near-duplicate cluster (itself included)
  std::vector<Copy> copy_list;    // the other members, when collapsed
  std::uint64_t sequence = 0;
};

struct FacetValue {
  std::string id, label_ar, label_en;
  std::uint64_t count = 0;
};

struct SearchResult {
  std::uint64_t total = 0;
  bool total_exact = true;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  // "country","org","person","place","source"
  bool facets_exact = true;
  std::vector<std::pair<std::string, std::uint64_t>> histogram;  // ("YYYY-MM", count), ascending
  bool relaxed = false;  // no document had every word: ranked by any word instead
  bool partial = false;  // a cluster answered without some of its shards
  std::vector<std::string> failed_shards;  // those shards, as "shard N (host:port)"
};

}  // namespace rasd
