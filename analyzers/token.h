// The units an analysis produces: tokens, entity mentions and date mentions, each tied to
// byte offsets in the ORIGINAL text so that highlights always wrap whole original words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rasd {

/// One word of the text, as the tokenizer found it and the later stages annotated it.
struct Token {
  std::string norm;               // normalised form (ARABIC.md §1)
  std::string stem;               // the stemmer's main stem (== norm for `none`)
  std::vector<std::string> alts;  // alternative stems, indexed at the same position
  std::uint32_t start = 0;        // byte offset of the first byte in the original text
  std::uint32_t end = 0;          // byte offset one past the last byte in the original text
  std::uint32_t pos = 0;          // word position, strictly increasing
  bool stop = false;              // a stop word (kept for phrases, dropped from plain queries)
  bool keyword = false;           // protected from the stemmer (part of a known name)
};

enum class EntityType { Country, Organization, Person, Place };

/// What found a mention: a gazetteer entry (its id, labels and country), a title or name
/// pattern (a person outside the gazetteer), or the trained recognizer (analyzers/ner/).
enum class MentionSource : std::uint8_t { Gazetteer, Pattern, Model };

/// A named entity found in the text.
struct EntityMention {
  EntityType type = EntityType::Country;
  std::string id;        // ISO 3166 alpha-2 for countries, a stable slug otherwise
  std::string label_ar;  // canonical Arabic label
  std::string label_en;  // canonical English label
  std::string country;   // ISO code of the country a place or ministry belongs to, if known
  std::uint32_t start = 0, end = 0;            // byte span in the original text
  std::uint32_t first_pos = 0, last_pos = 0;   // token positions covered
  bool adjective = false;  // a nisba form (المغربية, الإسرائيليين) rather than the name itself
  MentionSource source = MentionSource::Gazetteer;
  float confidence = 1.0f;  // the recognizer's probability of the span's tags; 1 for the others
};

enum class DatePrecision { Year, Month, Day };

/// A date mentioned in the text, resolved to an ISO value at its precision.
struct DateMention {
  std::string value;  // "2019", "2019-02" or "2019-02-14"
  DatePrecision precision = DatePrecision::Year;
  std::uint32_t start = 0, end = 0;  // byte span in the original text
};

/// Everything one analysis of a text produces.
struct Analysis {
  std::vector<Token> tokens;
  std::vector<EntityMention> entities;
  std::vector<DateMention> dates;
};

const char* to_string(EntityType type);      // "country", "org", "person", "place"
const char* to_string(MentionSource source);  // "gazetteer", "pattern", "model"
const char* to_string(DatePrecision precision);  // "year", "month", "day"

}  // namespace rasd
