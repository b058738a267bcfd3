#include "indexer/wrappers.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/utf8.h"
#include "error/error.h"
#include "indexer/embedded.h"

namespace rasd {
namespace {

// Opening wrappers sit in the first words, closing ones in the last: a bylined city, an SPA
// dateline (10 words), a tag line or al-Weeam's link line with the title repeated (up to 30).
constexpr std::size_t kLeadWindow = 14;
constexpr std::size_t kTailWindow = 40;
constexpr std::size_t kMaxLineWords = 16;  // a whole-line rule is for short lines

struct HandRule {
  const char* source;  // "" = every source
  WrapperKind kind;
  const char* words;
};

// The wrappers issue 14 names, with the outlet that prints each. A one-word opening rule only
// applies when punctuation or a line break follows it ("واس- جدة:", "- سبق -"), so that the
// verb سبق or a word that merely starts a report is never taken for a byline.
constexpr HandRule kHandRules[] = {
    {"", WrapperKind::Lead, "م واس"},                // SPA: "جدة 25 شوال 1436 هـ الموافق ... 2015 م واس"
    {"", WrapperKind::Lead, "واس"},                  // "واس - الرياض:" in a paper's reprint
    {"", WrapperKind::Lead, "وام"},                  // WAM, the Emirates agency, the same way
    {"sabq", WrapperKind::Lead, "سبق"},              // "- سبق - <city>:"
    {"3alyoum", WrapperKind::Lead, "عين اليوم"},     // "<name> – عين اليوم", "عين اليوم – جدة"
    {"3alyoum", WrapperKind::Lead, "Next Previous"},  // a photo slider's buttons
    {"okaz", WrapperKind::Lead, "اكتب رأيك"},
    {"cnn", WrapperKind::Lead, "CNN"},                // "(CNN)-- ", "دبي، الإمارات العربية المتحدة (CNN) --"        // "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"
    {"okaz", WrapperKind::Line, "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"},
    {"alweeam", WrapperKind::Tail, "رابط الخبر بصحيفة الوئام"},
    {"3alyoum", WrapperKind::Tail, "سمات"},          // the closing tag line
    {"was", WrapperKind::Tail, "انتهى"},             // "// انتهى // 14:58 ت م"
};

constexpr std::string_view kLearnedFile = "wrappers.tsv";

std::vector<std::string> words_of(const Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (Token& t : analyzer.tokenize(text)) out.push_back(std::move(t.norm));
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out.append(out.empty() ? "" : " ").append(w);
  return out;
}

WrapperKind parse_kind(std::string_view s, const std::string& where) {
  if (s == "line") return WrapperKind::Line;
  if (s == "lead") return WrapperKind::Lead;
  if (s == "tail") return WrapperKind::Tail;
  throw InvalidInput(where + ": wrapper kind '" + std::string(s) + "' is not line, lead or tail");
}

// Punctuation or a line break between two words: what makes a one-word byline a byline.
bool separated(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size();) {
    const char32_t c = utf8::next(gap, i);
    if (c == U'-' || c == U':' || c == U'\n' || c == U'\u2013' || c == U'\u2014' || c == U'\u0640' || c == U'/' ||
        c == U'|')
      return true;
  }
  return false;
}

std::string_view gap_after(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  const std::size_t from = tokens[i].end;
  const std::size_t to = i + 1 < tokens.size() ? tokens[i + 1].start : text.size();
  return text.substr(from, to > from ? to - from : 0);
}

bool has_colon(std::string_view gap) { return gap.find(':') != std::string_view::npos; }

// Whether `phrase` matches the kept words starting at kept[k].
bool matches_at(const std::vector<std::string>& phrase, const std::vector<Token>& tokens,
                const std::vector<std::uint32_t>& kept, std::size_t k) {
  if (k + phrase.size() > kept.size()) return false;
  for (std::size_t j = 0; j < phrase.size(); ++j)
    if (tokens[kept[k + j]].norm != phrase[j]) return false;
  return true;
}

std::vector<std::uint32_t> kept_of(const std::vector<bool>& dropped) {
  std::vector<std::uint32_t> kept;
  for (std::size_t i = 0; i < dropped.size(); ++i)
    if (!dropped[i]) kept.push_back(static_cast<std::uint32_t>(i));
  return kept;
}

}  // namespace

WrapperRules WrapperRules::built_in(const Analyzer& analyzer) {
  WrapperRules rules = parse(indexer_data_file(kLearnedFile), analyzer, "indexer/data/" + std::string(kLearnedFile));
  for (const HandRule& r : kHandRules) rules.add(r.source, r.kind, words_of(analyzer, r.words));
  return rules;
}

WrapperRules WrapperRules::parse(std::string_view tsv, const Analyzer& analyzer, const std::string& origin) {
  WrapperRules rules;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < tsv.size();) {
    const std::size_t nl = std::min(tsv.find('\n', pos), tsv.size());
    const std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    const std::string where = origin + ":" + std::to_string(line_no);
    if (t2 == std::string_view::npos) throw InvalidInput(where + ": expected source<TAB>kind<TAB>words");
    std::vector<std::string> words = words_of(analyzer, line.substr(t2 + 1));
    if (words.empty()) throw InvalidInput(where + ": a wrapper rule needs words");
    rules.add(line.substr(0, t1), parse_kind(line.substr(t1 + 1, t2 - t1 - 1), where), words);
  }
  return rules;
}

void WrapperRules::add(std::string_view source, WrapperKind kind, const std::vector<std::string>& words) {
  if (words.empty()) return;
  Rules& r = by_source_[std::string(source)];
  switch (kind) {
    case WrapperKind::Line: r.lines.insert(joined(words)); break;
    case WrapperKind::Lead: r.leads.push_back(words); break;
    case WrapperKind::Tail: r.tails.push_back(words); break;
  }
}

std::size_t WrapperRules::size() const {
  std::size_t n = 0;
  for (const auto& [source, r] : by_source_) n += r.lines.size() + r.leads.size() + r.tails.size();
  return n;
}

void WrapperRules::apply(const Rules& rules, std::string_view text, const std::vector<Token>& tokens,
                         std::vector<bool>& dropped) const {
  // Whole lines first: a share bar or a subscription notice anywhere in the body.
  if (!rules.lines.empty()) {
    std::size_t i = 0;
    while (i < tokens.size()) {
      const std::size_t line_end = std::min(text.find('\n', tokens[i].start), text.size());
      std::size_t j = i;
      std::string key;
      for (; j < tokens.size() && tokens[j].start < line_end; ++j) key.append(j == i ? "" : " ").append(tokens[j].norm);
      if (j - i <= kMaxLineWords && rules.lines.count(key))
        for (std::size_t k = i; k < j; ++k) dropped[k] = true;
      i = j;
    }
  }
  std::vector<std::uint32_t> kept = kept_of(dropped);
  // An opening wrapper: the words through the last lead phrase among the first words.
  std::size_t cut = 0;  // kept words to drop from the start
  for (const auto& phrase : rules.leads)
    for (std::size_t k = 0; k + phrase.size() <= std::min(kLeadWindow, kept.size()); ++k) {
      if (!matches_at(phrase, tokens, kept, k)) continue;
      const std::size_t last = k + phrase.size() - 1;
      const std::string_view after = gap_after(text, tokens, kept[last]);
      if (phrase.size() == 1 && !separated(after)) continue;
      // "- سبق - الرياض:", "واس - مكة المكرمة :": the city before a colon goes with the byline.
      std::size_t end = last + 1;
      if (!has_colon(after))
        for (std::size_t extra = 1; extra <= 2 && end + extra <= std::min(kept.size(), kLeadWindow); ++extra)
          if (has_colon(gap_after(text, tokens, kept[end + extra - 1]))) {
            end += extra;
            break;
          }
      cut = std::max(cut, end);
    }
  for (std::size_t k = 0; k < cut; ++k) dropped[kept[k]] = true;
  // A closing wrapper: from the first tail phrase among the last words to the end.
  kept = kept_of(dropped);
  const std::size_t from = kept.size() > kTailWindow ? kept.size() - kTailWindow : 0;
  std::size_t tail = kept.size();
  for (const auto& phrase : rules.tails)
    for (std::size_t k = from; k < tail; ++k)
      if (matches_at(phrase, tokens, kept, k)) {
        tail = k;
        break;
      }
  for (std::size_t k = tail; k < kept.size(); ++k) dropped[kept[k]] = true;
}

std::vector<std::uint32_t> WrapperRules::content(std::string_view source, std::string_view text,
                                                 const std::vector<Token>& tokens) const {
  std::vector<bool> dropped(tokens.size(), false);
  if (auto it = by_source_.find(std::string(source)); it != by_source_.end() && !source.empty())
    apply(it->second, text, tokens, dropped);
  if (auto it = by_source_.find(""); it != by_source_.end()) apply(it->second, text, tokens, dropped);
  return kept_of(dropped);
}

}  // namespace rasd
