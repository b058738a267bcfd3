// The light stemmer's affix tables (ARABIC.md §2), written in NORMALISED form (ARABIC.md §1):
// ة is written ه, أ إ آ are written ا, ى is written ي. Every Arabic letter is 2 UTF-8 bytes.
#pragma once

#include <array>
#include <string_view>

namespace rasd::stem {

inline constexpr std::size_t kLetter = 2;  // bytes per Arabic letter in UTF-8

// Single letters the rules test for.
inline constexpr std::string_view kAlef = "ا";
inline constexpr std::string_view kTeh = "ت";
inline constexpr std::string_view kHeh = "ه";     // also ة after normalisation
inline constexpr std::string_view kYeh = "ي";     // also ى after normalisation
inline constexpr std::string_view kWaw = "و";
inline constexpr std::string_view kSeen = "س";    // future prefix
inline constexpr std::string_view kArticle = "ال";

/// Definite chains, longest first (ARABIC.md §2.2): conjunction/preposition + article.
/// لل is li + al with the article's alef elided.
inline constexpr std::array<std::string_view, 12> kDefiniteChains = {
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"};

/// Bare proclitic chains (ARABIC.md §2.3), pairs first: stripped only on evidence.
inline constexpr std::array<std::string_view, 11> kBareChains = {
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"};

/// Pronoun suffixes, longest first; ه last because it is also the folded ة.
inline constexpr std::array<std::string_view, 9> kPronouns = {
    "هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه"};

/// Duals of a feminine noun (طاءرتان, الدولتين): the singular X+ة must be attested.
inline constexpr std::array<std::string_view, 2> kFeminineDuals = {"تين", "تان"};

inline constexpr std::string_view kFemininePlural = "ات";
/// Sound masculine plurals (and the accusative/genitive that is also the dual ين).
inline constexpr std::array<std::string_view, 2> kMasculinePlurals = {"ون", "ين"};
inline constexpr std::string_view kVerbPlural = "وا";  // هاجموا, استهدفوا
inline constexpr std::string_view kDualAn = "ان";      // only when the bare form is as common

/// Form X present prefix: يستهدف has the alternative stem of استهدف.
inline constexpr std::string_view kFormXPresent = "يست";
inline constexpr std::string_view kFormXPast = "است";

/// Letters that may follow the future س (imperfect prefixes).
inline constexpr std::array<std::string_view, 4> kImperfectPrefixes = {"ي", "ت", "ن", "ا"};

/// Before a nisba ي these letters mean the ي is a root letter (ولاية, مستوي).
inline constexpr std::array<std::string_view, 3> kNisbaBlockers = {"ا", "و", "ي"};

// Minimum letters a strip must leave.
inline constexpr std::size_t kMinAfterArticle = 2;
inline constexpr std::size_t kMinAfterBare = 3;
inline constexpr std::size_t kMinAfterPronoun = 3;
inline constexpr std::size_t kMinAfterHeh = 2;
inline constexpr std::size_t kMinAfterPlural = 3;
inline constexpr std::size_t kMinAfterFemininePlural = 2;
inline constexpr std::size_t kMinAfterNisba = 3;
/// A pronoun strip leaving exactly this many letters needs the remainder attested (مساهم).
inline constexpr std::size_t kShortStemLetters = 3;

}  // namespace rasd::stem
