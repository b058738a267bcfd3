// Finds dates in analysed tokens and resolves them to ISO values (ARABIC.md §4).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/token.h"

namespace rasd {

struct DateWords;  // month names, weekdays, relative phrases (analyzers/data/date_words.tsv)

class DateExtractor {
 public:
  DateExtractor();
  ~DateExtractor();
  DateExtractor(const DateExtractor&) = delete;
  DateExtractor& operator=(const DateExtractor&) = delete;

  /// Dates in `tokens` of the original `text`. Relative forms resolve against `published`
  /// ("YYYY-MM-DD") and are skipped when it is unknown or malformed.
  std::vector<DateMention> extract(std::string_view text, const std::vector<Token>& tokens,
                                   const std::optional<std::string>& published) const;

 private:
  std::unique_ptr<const DateWords> words_;
};

/// Days since 1970-01-01 of a proleptic Gregorian date, and back (civil calendar arithmetic).
long days_from_civil(int y, int m, int d);
void civil_from_days(long days, int& y, int& m, int& d);

/// The Gregorian date of a day of the Islamic (Umm al-Qura) calendar, through ICU; false when
/// ICU cannot convert it.
bool hijri_to_gregorian(int year, int month, int day, int& gy, int& gm, int& gd);

}  // namespace rasd
