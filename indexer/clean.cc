#include "indexer/clean.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "analyzers/normalizer.h"
#include "analyzers/utf8.h"
#include "indexer/date_line.h"

namespace rasd {
namespace {

// Phrases of Arabic news templates (seen in the seed articles and the scraped corpora). They
// are matched on normalised keys, so spelling variants (أ/ا, ة/ه, ی/ي) need no extra entry.
constexpr const char* kBoilerplateLines[] = {
    "الرئيسية", "طباعة", "شارك", "طباعة شارك", "ملصقات", "إقرأ أيضاً", "اقرأ أيضا", "اقرأ المزيد",
    "لا يوجد تعليقات", "لا توجد تعليقات", "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها بـ", "أضف تعليقاً", "أضف تعليق", "اترك تعليقاً", "شارك هذا المقال",
    "شارك هذا الخبر", "مواضيع ذات صلة", "أخبار ذات صلة", "اخترنا لك", "الأكثر قراءة", "تابعونا على",
    "مشاركة", "تغريد", "فيسبوك", "تويتر", "واتساب", "نسخ الرابط", "حجم الخط", "أرسل لصديق"};
// Lines after which a page holds only tags, comments or other articles.
// ("read also" is not one: CNN Arabic puts it mid-article, before the story goes on.)
constexpr const char* kTailLines[] = {"كلمات دلالية", "الكلمات الدلالية", "كلمات مفتاحية", "الوسوم", "وسوم",
                                      "تعليقات القراء", "التعليقات", "اترك رد", "اترك ردا", "ملصقات"};
// A short line starting with one of these is a share bar, a prompt or a link to another story.
constexpr const char* kBoilerplatePrefixes[] = {"طباعة شارك", "شارك على", "تابعونا على", "تابعنا على",
                                                "اقرأ أيضا", "إقرأ أيضاً", "لن يتم نشر", "اترك رد",
                                                "كلمات دلالية", "الوسوم"};

constexpr std::size_t kKeyPrefixBytes = 160;   // boilerplate sits in short lines or line starts
constexpr std::size_t kShortLineWords = 25;    // a prefix rule only applies to short lines
constexpr std::size_t kTailAfterBytes = 200;   // a tail marker before this much content is just a line

constexpr char32_t kNoBreakSpace = U'\u00A0';
constexpr char32_t kArabicComma = U'\u060C';
constexpr char32_t kArabicSemicolon = U'\u061B';
constexpr char32_t kArabicQuestion = U'\u061F';
constexpr char32_t kEnDash = U'\u2013';
constexpr char32_t kEmDash = U'\u2014';
constexpr char32_t kBullet = U'\u2022';
constexpr char32_t kLeftGuillemet = U'\u00AB';
constexpr char32_t kRightGuillemet = U'\u00BB';
constexpr char32_t kLeftQuote = U'\u201C';
constexpr char32_t kRightQuote = U'\u201D';
constexpr char32_t kIdeographicSpace = U'\u3000';
constexpr char32_t kZeroWidthSpace = U'\u200B';

bool is_separator(char32_t c) {
  if (c < 0x80) return !std::isalnum(static_cast<int>(c));
  switch (c) {
    case kNoBreakSpace: case kArabicComma: case kArabicSemicolon: case kArabicQuestion: case kEnDash:
    case kEmDash: case kBullet: case kLeftGuillemet: case kRightGuillemet: case kLeftQuote: case kRightQuote:
    case kIdeographicSpace: case kZeroWidthSpace:
      return true;
    default:
      return false;
  }
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\f' || c == U'\v' || c == kNoBreakSpace ||
         c == kIdeographicSpace || c == kZeroWidthSpace;
}

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Digits, punctuation and at most one word ("124", "0", "3 تعليقات"): counters of a page.
bool is_counter(std::string_view key, std::string_view trimmed) {
  bool has_digit = false;
  for (char c : trimmed)
    if (c >= '0' && c <= '9') has_digit = true;
  if (key.empty()) return true;  // nothing but punctuation
  if (!has_digit) return false;
  std::size_t letters_words = 0;
  std::size_t i = 0;
  while (i < key.size()) {
    const std::size_t j = std::min(key.find(' ', i), key.size());
    const std::string_view w = key.substr(i, j - i);
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) ++letters_words;
    i = j + 1;
  }
  return letters_words <= 1 && trimmed.size() < 40;
}

}  // namespace

Cleaner::Cleaner() : normalizer_(std::make_unique<Normalizer>()), date_lines_(std::make_unique<DateLineReader>()) {
  for (const char* s : kBoilerplateLines) exact_.insert(key(s));
  for (const char* s : kTailLines) tail_.insert(key(s));
  for (const char* s : kBoilerplatePrefixes) prefixes_.push_back(key(s));
}

Cleaner::~Cleaner() = default;

std::optional<std::string> Cleaner::date_of_line(std::string_view line) const { return date_lines_->day_of(line); }

std::string_view Cleaner::trim(std::string_view line) {
  std::size_t b = 0;
  while (b < line.size()) {
    std::size_t i = b;
    if (!is_space(utf8::next(line, i))) break;
    b = i;
  }
  std::size_t e = line.size();
  while (e > b) {
    std::size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(line[s]) & 0xC0) == 0x80) --s;
    std::size_t i = s;
    if (!is_space(utf8::next(line, i))) break;
    e = s;
  }
  return line.substr(b, e - b);
}

std::string Cleaner::key(std::string_view line) const {
  if (line.size() > kKeyPrefixBytes) {
    std::size_t cut = kKeyPrefixBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut);
  }
  const std::string norm = normalizer_->normalize_text(line);
  std::string out;
  out.reserve(norm.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < norm.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::next(norm, i);
    if (is_separator(c) || is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(norm, start, i - start);
  }
  return out;
}

LineKind Cleaner::classify(std::string_view line) const {
  if (count_words(line) > kShortLineWords) return LineKind::Content;  // boilerplate is short
  const std::string k = key(line);
  if (tail_.count(k)) return LineKind::Tail;
  if (exact_.count(k) || is_counter(k, line)) return LineKind::Boilerplate;
  for (const std::string& p : prefixes_)
    if (k.size() >= p.size() && k.compare(0, p.size(), p) == 0 && (k.size() == p.size() || k[p.size()] == ' '))
      return LineKind::Boilerplate;
  return LineKind::Content;
}

std::vector<std::string_view> Cleaner::content_lines(std::string_view body, std::string_view title) const {
  std::vector<std::string_view> out;
  std::unordered_set<std::string_view> seen;
  const std::string title_key = title.empty() ? std::string() : key(title);
  std::size_t content_bytes = 0;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    const std::size_t nl = std::min(body.find('\n', pos), body.size());
    const std::string_view line = trim(body.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    const LineKind kind = classify(line);
    if (kind == LineKind::Tail && content_bytes >= kTailAfterBytes) break;
    if (kind != LineKind::Content) continue;
    if (!seen.insert(line).second) continue;  // a paragraph repeated within the document
    if (!title_key.empty() && line.size() < 2 * title.size() + 16 && key(line) == title_key) continue;
    content_bytes += line.size();
    out.push_back(line);
  }
  return out;
}

std::string Cleaner::clean_body(std::string_view body, std::string_view title) const {
  std::string out;
  out.reserve(body.size());
  for (std::string_view line : content_lines(body, title)) {
    if (!out.empty()) out.push_back('\n');
    out.append(line);
  }
  return out;
}

std::string Cleaner::clean_title(std::string_view title) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::next(title, i);
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    const bool bullet = c == U'-' || c == U'#' || c == U'*' || c == kBullet || c == U'|';
    if (out.empty() && bullet) continue;  // "- title", "#title": list and hashtag marks of a page
    if (space) out.push_back(' ');
    space = false;
    out.append(title, start, i - start);
  }
  return out;
}

}  // namespace rasd
