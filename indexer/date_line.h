// The publication date a saved news page prints on a line of its own near the top
// ("الأحد 17 فبراير 2019", "نشر في: 12 مارس 2023 - 10:30"), read with the analyzer's dates.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/word_set.h"

namespace rasd {

class Normalizer;
class Tokenizer;
class DateExtractor;

/// Tells a date line from any other line; built once (it loads the date vocabulary), const and
/// shared by reader threads.
class DateLineReader {
 public:
  /// Longer lines are text, not a date line.
  static constexpr std::size_t kMaxLineBytes = 120;

  DateLineReader();
  ~DateLineReader();
  DateLineReader(const DateLineReader&) = delete;
  DateLineReader& operator=(const DateLineReader&) = delete;

  /// The day ("YYYY-MM-DD") when `line` is a date line: a day-precision date, and besides it
  /// only numbers (a time), punctuation, weekday names and the words of a publication label
  /// (نشر، بتاريخ، آخر تحديث، الموافق ...). A title that mentions a date is no date line.
  std::optional<std::string> day_of(std::string_view line) const;

 private:
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<DateExtractor> dates_;
  WordSet label_words_;  // normalised
};

}  // namespace rasd
