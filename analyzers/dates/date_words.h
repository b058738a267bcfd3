// Internal to the date extractor: the normalised date vocabulary and phrase look-up.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/name_forms.h"
#include "analyzers/token.h"
#include "analyzers/word_set.h"

namespace rasd {

/// A phrase of one or more normalised words with its meaning.
struct DatePhrase {
  std::vector<std::string> words;
  int value = 0;  // month number, weekday, or offset
  char unit = 0;  // relative phrases: 'd', 'w', 'm', 'y'
};

/// Phrases by their first word. A small bit filter answers most look-ups, which miss: every
/// word that may start a date is looked up in several indexes.
class PhraseIndex {
 public:
  void add(DatePhrase phrase) {
    filter_.add(phrase.words.front());
    by_first_[phrase.words.front()].push_back(std::move(phrase));
  }
  /// The phrases starting with `first`, or null.
  const std::vector<DatePhrase>* find(std::string_view first) const {
    if (!filter_.may_contain(first)) return nullptr;
    const auto it = by_first_.find(first);
    return it == by_first_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<DatePhrase>, StringViewHash, std::equal_to<>> by_first_;
  WordFilter filter_{12};
};

/// A set of date words behind the same kind of filter.
class DateWordSet {
 public:
  void insert(const std::string& word) {
    filter_.add(word);
    set_.insert(word);
  }
  std::size_t count(std::string_view word) const { return filter_.may_contain(word) ? set_.count(word) : 0; }

 private:
  WordSet set_;
  WordFilter filter_{12};
};

/// A phrase found at tokens [first, last].
struct PhraseHit {
  std::size_t last = 0;
  const DatePhrase* phrase = nullptr;
};

struct DateWords {
  PhraseIndex months, hijri, relative, weekdays;
  DateWordSet era, year_cue, year_preposition, past, next, today, month_cue;
  /// Every word a date may start with (not numbers): month, Hijri month, weekday, year cue,
  /// relative phrase, today. About a hundred words: 4 KiB of bits stay in the first-level cache.
  WordFilter starts{15};

  /// Loads analyzers/data/date_words.tsv (normalised with rasd's normaliser).
  static DateWords load();
};

/// The longest phrase of `index` at token i; the first word may carry proclitics (بفبراير).
std::optional<PhraseHit> phrase_at(const PhraseIndex& index, std::string_view text, const std::vector<Token>& tokens,
                                   std::size_t i);
/// The same, with token i's proclitic forms already computed.
std::optional<PhraseHit> phrase_at(const PhraseIndex& index, std::string_view text, const std::vector<Token>& tokens,
                                   std::size_t i, const ProcliticForms& forms);

}  // namespace rasd
