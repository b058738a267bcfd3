// Known names: countries, organisations, persons and places, with aliases and labels.
// Built from the data files compiled in (analyzers/data) plus an optional analyst directory.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/name_forms.h"
#include "analyzers/token.h"
#include "analyzers/word_set.h"
#include "analyzers/entities/word_table.h"

namespace rasd {

/// One known entity: what a mention of any of its names reports.
struct GazetteerEntry {
  EntityType type = EntityType::Country;
  std::string id;        // ISO alpha-2 for countries, a stable ascii slug otherwise
  std::string label_ar;
  std::string label_en;
  std::string country;   // ISO code it belongs to, if any
  bool country_from_text = false;  // a ministry: the country is named right after it
  bool well_known = false;  // a capital or other well-known place: no cue needed (`!` mark)
  /// Persons: the normalised short forms (last name, or آل/بن + last name) that name the
  /// person alone once the full name is in the same document.
  std::vector<std::vector<std::string>> short_names;
};

/// How a name may be used.
enum class NameKind : std::uint8_t {
  Name,       // the name itself (المغرب, حزب الله)
  Adjective,  // a nisba form of a country (المغربية, الإسرائيليين)
  Ambiguous,  // a common word too (القاعدة, مالي): only after a trigger or once confirmed
};

/// One normalised name of an entry, as a sequence of normalised tokens.
struct GazetteerName {
  std::vector<std::string> tokens;
  std::uint32_t entry = 0;
  NameKind kind = NameKind::Name;
};

/// A name as the look-up by its first word sees it: the hash of its second word rejects most
/// candidates without reading the name's strings (علي starts ten names; على is frequent).
struct NameCandidate {
  std::uint64_t second_hash = 0;  // WordFilter::mix of the second word; unused for one word
  std::uint32_t name = 0;         // index into Gazetteer::names()
  std::uint32_t size = 0;         // words in the name
};

/// What the title-pattern and context checks ask about a word, answered by one probe.
enum WordFlag : std::uint16_t {
  kGivenName = 1 << 0,          // in given_names()
  kConnector = 1 << 1,          // in connectors()
  kPersonPart = 1 << 2,         // in person_parts()
  kTitleLast = 1 << 3,          // ends a title (titles_ending() is not null)
  kCountryAdjective = 1 << 4,   // a one-word nisba name of a country (الأمريكي)
  kPlaceCue = 1 << 5,           // in place_cues()
  kOffice = 1 << 6,             // in offices()
  kDemonstrative = 1 << 7,      // in demonstratives()
  kCommonWord = 1 << 8,         // in common_words()
  kWork = 1 << 9,               // in works()
  kOrgHead = 1 << 10,           // in org_heads()
  kQualifier = 1 << 11,         // in qualifiers()
};

/// Map from a normalised word to indices, with string_view look-up.
using WordIndex = std::unordered_map<std::string, std::vector<std::uint32_t>, StringViewHash, std::equal_to<>>;

class Gazetteer {
 public:
  /// The built-in gazetteer, extended or overridden by the *.tsv files in `extra_dir` (may be
  /// empty). An entry whose id is already known replaces it. Throws InvalidInput naming
  /// file:line for a malformed line, NotFound for a missing directory.
  static std::unique_ptr<Gazetteer> load(const std::string& extra_dir);
  virtual ~Gazetteer() = default;

  /// Normalised single words that are names and must not be cut by the stemmer
  /// (country and city names, person name parts, one-word organisations and acronyms).
  const WordSet& protected_words() const { return protected_; }

  /// A digest of the loaded entries: part of the analyzer name, so an index built with one
  /// watch list is not searched with another.
  std::string fingerprint() const { return fingerprint_; }

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const std::vector<GazetteerName>& names() const { return names_; }
  /// Every word a match may start with (first words of names, given names, connectors,
  /// persons' last names).
  const NameFilter& first_words() const { return first_words_; }
  /// Given names and connectors: the words a title-pattern name may start with.
  const WordFilter& name_starters() const { return name_starters_; }
  /// Names by their first normalised token (bare: without proclitics).
  const std::vector<std::uint32_t>* names_starting(std::string_view first) const;
  /// The same names as candidates, in the same order, for a first word whose WordFilter::mix
  /// is `hash`; empty when no name starts with it.
  std::span<const NameCandidate> candidates(std::string_view first, std::uint64_t hash) const;
  /// The WordFlag bits of a normalised word whose WordFilter::mix is `hash` (0 for most words).
  std::uint16_t word_flags(std::string_view word) const { return word_flags(word, WordFilter::mix(word)); }
  std::uint16_t word_flags(std::string_view word, std::uint64_t hash) const {
    if (!flag_filter_.may_contain_hash(hash)) return 0;
    const std::uint32_t i = flag_table_.find(word, hash);
    return i == WordTable::kAbsent ? 0 : flags_[i];
  }

  /// Context words (analyzers/data/name_cues.tsv), normalised.
  const WordSet& triggers() const { return triggers_; }
  const WordSet& given_names() const { return given_; }
  const WordSet& connectors() const { return connectors_; }
  /// Person titles (وزير الداخلية, الشيخ): token sequences, found by their last token.
  const std::vector<std::vector<std::string>>& titles() const { return titles_; }
  const std::vector<std::uint32_t>* titles_ending(std::string_view last) const;
  /// Last words that never name a person alone (الثاني, الله).
  const WordSet& not_alone() const { return not_alone_; }
  /// Words that, right before a place name, make it part of an organisation's or team's name
  /// (صحيفة القدس, دينامو موسكو, شركة قطر): the place is then no place mention.
  const WordSet& org_heads() const { return org_heads_; }
  /// Filters over org_heads() (with their لل forms) and the words of not_places(): the checks
  /// run on every place mention, and almost every word fails them here.
  const WordFilter& org_head_filter() const { return org_head_filter_; }
  const WordFilter& not_place_filter() const { return not_place_filter_; }
  /// Words right before a one-word place that say a place follows (في, مدينة, قرب).
  const WordSet& place_cues() const { return place_cues_; }
  /// Phrases in which a place's name names no place (مسقط رأس: birthplace; صلاة المغرب: the
  /// sunset prayer), as normalised token sequences.
  const std::vector<std::vector<std::string>>& not_places() const { return not_places_; }
  /// The (phrase, position) pairs of not_places() where `word` stands, packed as
  /// phrase << 8 | position; empty for most words.
  std::span<const std::uint32_t> not_place_positions(std::string_view word) const {
    const std::uint32_t i = not_place_table_.find(word);
    if (i == WordTable::kAbsent) return {};
    return not_place_positions_[i];
  }
  /// Words right before an organisation's name that make the name part of a person's title
  /// (وزير الخارجية: the minister, not the ministry as an actor).
  const WordSet& offices() const { return offices_; }
  /// Words right before an ambiguous name that make it the common noun (هذه القاعدة: this rule).
  const WordSet& demonstratives() const { return demonstratives_; }
  /// Adjectives right after an ambiguous name that make it the common noun (الحرس الرئاسي: the
  /// presidential guard, not the Revolutionary Guard; القاعدة الجوية: the air base).
  const WordSet& qualifiers() const { return qualifiers_; }
  /// Words that name a work before its quoted title (كتاب, رواية, فيلم, مسلسل).
  const WordSet& works() const { return works_; }
  /// One-word place names that are mostly common words (مساكن: dwellings): never a place alone.
  const WordSet& common_words() const { return common_words_; }
  /// Every normalised token of a known person's names (family names for title patterns).
  const WordSet& person_parts() const { return person_parts_; }

  Gazetteer() = default;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

 private:
  friend class GazetteerBuilder;
  std::vector<GazetteerEntry> entries_;
  std::vector<GazetteerName> names_;
  WordIndex by_first_;               // while building
  WordTable first_table_;            // then: first word -> index into first_names_
  std::vector<std::vector<std::uint32_t>> first_names_;
  std::vector<NameCandidate> candidates_;         // grouped by first word:
  std::vector<std::uint32_t> candidates_begin_;   // first_names_[i] -> [begin[i], begin[i + 1])
  WordTable flag_table_;
  std::vector<std::uint16_t> flags_;
  WordFilter flag_filter_{15};
  NameFilter first_words_;
  WordFilter name_starters_{14};
  WordFilter org_head_filter_{12}, not_place_filter_{12};
  WordSet protected_;
  std::string fingerprint_;
  WordSet triggers_, given_, connectors_, person_parts_, not_alone_, org_heads_, place_cues_;
  WordSet offices_, demonstratives_, common_words_, works_, qualifiers_;
  std::vector<std::vector<std::string>> titles_;
  std::vector<std::vector<std::string>> not_places_;
  WordTable not_place_table_;                                  // a word of a not_places() phrase ->
  std::vector<std::vector<std::uint32_t>> not_place_positions_;  // where it stands
  WordIndex titles_by_last_;
};

}  // namespace rasd
