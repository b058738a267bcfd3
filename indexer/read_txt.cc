// Plain-text articles as scrapers save them: optional breadcrumbs and a section label, the
// title line, then the body; the page's date on a line of its own near the top, when it has one.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "indexer/clean.h"
#include "indexer/readers.h"

namespace rasd {
namespace {

constexpr std::size_t kSectionMaxWords = 2;
constexpr std::size_t kSectionMaxBytes = 48;
// Pages print their date above the title, between breadcrumbs, section and title, or right
// under the title: within the first few lines.
constexpr std::size_t kDateLineScan = 6;

struct Line {
  std::string_view text;
  std::size_t end = 0;    // offset one past the line's newline
  std::size_t begin = 0;  // offset of the line's first byte
};

struct DateLine {
  Line line;
  std::string day;
};

std::size_t words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// The next non-blank line at or after `pos` (empty text at the end).
Line next_line(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view line = Cleaner::trim(text.substr(pos, nl - pos));
    if (!line.empty()) return {line, nl + 1, pos};
    pos = nl + 1;
  }
  return {{}, text.size(), text.size()};
}

// The next content line at or after `pos`, never the date line (empty text at the end).
Line next_content(std::string_view text, std::size_t pos, const Cleaner& cleaner, const std::optional<DateLine>& date) {
  for (Line l = next_line(text, pos); !l.text.empty(); l = next_line(text, l.end))
    if (!(date && l.begin == date->line.begin) && cleaner.classify(l.text) == LineKind::Content) return l;
  return {{}, text.size(), text.size()};
}

// The first of the top lines that is a date line (date_line.h), with its day.
std::optional<DateLine> find_date_line(std::string_view text, const Cleaner& cleaner) {
  Line l = next_line(text, 0);
  for (std::size_t n = 0; n < kDateLineScan && !l.text.empty(); ++n, l = next_line(text, l.end))
    if (auto day = cleaner.date_of_line(l.text)) return DateLine{l, std::move(*day)};
  return std::nullopt;
}

// "دولي", "شؤون عربية": a short label without sentence punctuation, followed by a longer title
// line and a body.
bool is_section(std::string_view line, std::string_view next, std::string_view third) {
  return !next.empty() && !third.empty() && words(line) <= kSectionMaxWords && line.size() <= kSectionMaxBytes &&
         words(next) > words(line) && line.find_first_of(".:!?") == std::string_view::npos;
}

}  // namespace

void read_txt(const InputFile& file, std::string_view text, const Cleaner& cleaner, ReadOutcome& out) {
  Report r;
  r.origin = file.path;
  const std::optional<DateLine> date = find_date_line(text, cleaner);
  Line first = next_content(text, 0, cleaner, date);
  Line second = next_content(text, first.end, cleaner, date);
  if (is_section(first.text, second.text, next_content(text, second.end, cleaner, date).text)) {
    r.extra_json = nlohmann::json{{"section", std::string(first.text)}}.dump();
    first = second;
  }
  r.title = std::string(first.text);
  const std::size_t body = std::min(first.end, text.size());
  r.body = std::string(text.substr(body));
  if (date) {
    r.published = date->day;
    r.dated_from_text = true;
    if (date->line.begin >= body) r.body.erase(date->line.begin - body, date->line.end - date->line.begin);
  }
  out.reports.push_back(std::move(r));
}

}  // namespace rasd
