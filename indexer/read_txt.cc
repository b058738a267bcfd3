// Plain-text articles as scrapers save them: optional breadcrumbs and a section label, the
// title line, then the body.
#include <nlohmann/json.hpp>

#include "indexer/clean.h"
#include "indexer/readers.h"

namespace rasd {
namespace {

constexpr std::size_t kSectionMaxWords = 2;
constexpr std::size_t kSectionMaxBytes = 48;

struct Line {
  std::string_view text;
  std::size_t end = 0;  // offset one past the line's newline
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

// The next content line at or after `pos` (empty text at the end).
Line next_content(std::string_view text, std::size_t pos, const Cleaner& cleaner) {
  while (pos < text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view line = Cleaner::trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (!line.empty() && cleaner.classify(line) == LineKind::Content) return {line, pos};
  }
  return {{}, text.size()};
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
  Line first = next_content(text, 0, cleaner);
  Line second = next_content(text, first.end, cleaner);
  if (is_section(first.text, second.text, next_content(text, second.end, cleaner).text)) {
    r.extra_json = nlohmann::json{{"section", std::string(first.text)}}.dump();
    first = second;
  }
  r.title = std::string(first.text);
  r.body = std::string(text.substr(std::min(first.end, text.size())));
  out.reports.push_back(std::move(r));
}

}  // namespace rasd
