// The index schema: the only file that spells a term prefix, a value slot or a metadata key.
// Every reader of the index (indexer, searcher, alerts) goes through these names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

namespace rasd::schema {

// ---- Terms -------------------------------------------------------------------------------
// Unprefixed: normalised surface forms, wdf only (exact-form boost and the document
// frequencies the light stemmer weighs). Phrases and NEAR match on the positional Z stems:
// positions on both term spaces doubled the write cost and the index size.
inline constexpr std::string_view kId = "Q";        // Q<id>: unique id; same id replaces
inline constexpr std::string_view kStem = "Z";      // Z<stem>: stems (and alternatives), positional
inline constexpr std::string_view kTitle = "S";     // S<stem>: title stems
inline constexpr std::string_view kCountry = "XC";  // XC<ISO 3166 alpha-2>
inline constexpr std::string_view kOrg = "XO";      // XO<org id>
inline constexpr std::string_view kPerson = "XP";   // XP<person id>
inline constexpr std::string_view kPlace = "XL";    // XL<place id>
inline constexpr std::string_view kSource = "XS";   // XS<source> (as given, lower-cased)
inline constexpr std::string_view kYear = "XY";     // XY<YYYY> of the publication date
inline constexpr std::string_view kMonth = "XM";    // XM<YYYYMM>
inline constexpr std::string_view kDay = "XD";      // XD<YYYYMMDD>
inline constexpr std::string_view kEntity = "E";    // E<type letter><id>, positional at the mention
inline constexpr std::string_view kCopyAnchor = "XA";   // XA<8 hex>: a shingle copies are found by (copy_signature.h)
inline constexpr std::string_view kClusterTerm = "XK";  // XK<cluster key>: the members of a copy cluster

// ---- Values ------------------------------------------------------------------------------
inline constexpr Xapian::valueno kPublished = 0;    // "YYYY-MM-DD" (sorts as a string); empty if unknown
inline constexpr Xapian::valueno kSequence = 1;     // sortable_serialise(ingest sequence), monotonic
inline constexpr Xapian::valueno kCluster = 2;      // copy cluster key (collapse): the id of its first member
inline constexpr Xapian::valueno kFacets = 3;       // facet keys "<type letter><id>" joined by '\x1f'
inline constexpr Xapian::valueno kContentHash = 4;  // hash of the cleaned report, to skip unchanged
// Slot 5 held a simhash until schema 2.
inline constexpr Xapian::valueno kSourceValue = 6;  // source as stored in XS
inline constexpr Xapian::valueno kOrder = 7;        // order_value(): publication date, then ingest sequence
inline constexpr Xapian::valueno kFacetRecord = 8;  // facet_record(): what a cluster's facet count needs

// Type letters shared by E terms and facet keys.
inline constexpr char kCountryLetter = 'C';
inline constexpr char kOrgLetter = 'O';
inline constexpr char kPersonLetter = 'P';
inline constexpr char kPlaceLetter = 'L';
inline constexpr char kSourceLetter = 'S';

// ---- Metadata ----------------------------------------------------------------------------
inline constexpr std::string_view kMetaAnalyzer = "rasd.analyzer";      // Analyzer::name()
inline constexpr std::string_view kMetaStemmer = "rasd.stemmer";        // light|snowball|none
inline constexpr std::string_view kMetaNextSequence = "rasd.next_seq";  // next ingest sequence
inline constexpr std::string_view kMetaLastCommit = "rasd.last_commit"; // ISO time of last commit
inline constexpr std::string_view kMetaSchema = "rasd.schema";          // schema version
// 2: copy anchors and cluster terms replace simhash bands; 3: kOrder and kFacetRecord, so that a
// cluster of shards orders ties and counts facets as one index does.
inline constexpr int kSchemaVersion = 3;

// ---- Value codecs ------------------------------------------------------------------------
/// The kSequence value of ingest sequence `seq` (sorts as the number), and back; an empty value
/// (a document without one) reads as 0.
inline std::string sequence_value(std::uint64_t seq) { return Xapian::sortable_serialise(static_cast<double>(seq)); }
inline std::uint64_t sequence_from_value(const std::string& value) {
  return value.empty() ? 0 : static_cast<std::uint64_t>(Xapian::sortable_unserialise(value));
}

/// Sixteen hex digits of `n`, so that numbers sort as strings.
inline std::string hex16(std::uint64_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, n >>= 4) out[static_cast<std::size_t>(i)] = kDigits[n & 15];
  return out;
}

/// The kOrder value: the publication day ("0000-00-00" when unknown) and the ingest sequence
/// inverted, so that in descending order (newest first) a day's reports come in the order they
/// were ingested, the same on one index and on shards, whose docids (Xapian's last tie-break)
/// differ.
inline std::string order_value(std::string_view published, std::uint64_t seq) {
  std::string v = published.size() >= 10 ? std::string(published.substr(0, 10)) : std::string("0000-00-00");
  return v + hex16(~seq);
}

/// Separates the fields of a kFacetRecord value.
inline constexpr char kRecordSeparator = '\x1e';

/// The kFacetRecord value: cluster key, ingest sequence, month ("YYYY-MM" or empty) and the
/// kFacets keys. Counted by Xapian's stock ValueCountMatchSpy on shards, it says which cluster
/// a match belongs to, so that a cluster counts once (by its earliest member) as on one index.
inline std::string facet_record(std::string_view cluster, std::uint64_t seq, std::string_view published,
                                std::string_view facets) {
  std::string r(cluster);
  r += kRecordSeparator;
  r += hex16(seq);
  r += kRecordSeparator;
  if (published.size() >= 7) r.append(published.substr(0, 7));
  r += kRecordSeparator;
  r.append(facets);
  return r;
}

// ---- Term builders -----------------------------------------------------------------------
inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t;
  t.reserve(prefix.size() + value.size());
  t.append(prefix).append(value);
  return t;
}

}  // namespace rasd::schema
