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
inline constexpr int kSchemaVersion = 2;  // 2: copy anchors and cluster terms replace simhash bands

// ---- Value codecs ------------------------------------------------------------------------
/// The kSequence value of ingest sequence `seq` (sorts as the number), and back; an empty value
/// (a document without one) reads as 0.
inline std::string sequence_value(std::uint64_t seq) { return Xapian::sortable_serialise(static_cast<double>(seq)); }
inline std::uint64_t sequence_from_value(const std::string& value) {
  return value.empty() ? 0 : static_cast<std::uint64_t>(Xapian::sortable_unserialise(value));
}

// ---- Term builders -----------------------------------------------------------------------
inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t;
  t.reserve(prefix.size() + value.size());
  t.append(prefix).append(value);
  return t;
}

}  // namespace rasd::schema
