#include "indexer/date_line.h"

#include <algorithm>

#include "analyzers/dates/dates.h"
#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

namespace rasd {
namespace {

// Words a date line may carry beside its date: weekdays, the labels news sites print before or
// after it, the era and time-of-day marks, time zones. Anything else makes the line text (a
// title such as "انتخابات 6 مايو 2018" is not the page's date).
constexpr const char* kLabelWords[] = {
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "يوم",
    "نشر", "نشرت", "نشر في", "منشور", "بتاريخ", "تاريخ", "النشر", "آخر", "تحديث", "التحديث", "حدث",
    "الموافق", "م", "ميلادي", "ميلادية", "هـ", "ه", "هجري", "هجرية", "ص", "صباحا", "مساء", "مساءً",
    "الساعة", "الساعه", "بتوقيت", "غرينتش", "جرينتش", "القدس", "مكة", "المكرمة", "الرياض", "أبوظبي",
    "GMT", "UTC", "AM", "PM", "am", "pm"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

DateLineReader::DateLineReader()
    : normalizer_(std::make_unique<Normalizer>()), tokenizer_(std::make_unique<Tokenizer>()),
      dates_(std::make_unique<DateExtractor>()) {
  for (const char* w : kLabelWords)
    for (const Token& t : tokenizer_->tokenize(normalizer_->normalize(w))) label_words_.insert(t.norm);
}

DateLineReader::~DateLineReader() = default;

std::optional<std::string> DateLineReader::day_of(std::string_view line) const {
  if (line.size() > kMaxLineBytes) return std::nullopt;
  const std::vector<Token> tokens = tokenizer_->tokenize(normalizer_->normalize(line));
  const std::vector<DateMention> dates = dates_->extract(line, tokens, std::nullopt);
  const auto day = std::find_if(dates.begin(), dates.end(),
                                [](const DateMention& d) { return d.precision == DatePrecision::Day; });
  if (day == dates.end()) return std::nullopt;
  for (const Token& t : tokens) {
    const bool in_date = std::any_of(dates.begin(), dates.end(),
                                     [&](const DateMention& d) { return t.start >= d.start && t.end <= d.end; });
    if (!in_date && !all_digits(t.norm) && label_words_.find(t.norm) == label_words_.end()) return std::nullopt;
  }
  return day->value;
}

}  // namespace rasd
