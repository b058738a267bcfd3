// An outlet's wrappers around a report it reprints: bylines and datelines that open the body
// ("- سبق - الرياض:", "عين اليوم – جدة", SPA's "جدة 25 شوال 1436 هـ الموافق ... واس"), lines
// that close it (Okaz's share bar, al-Weeam's "رابط الخبر بصحيفة الوئام: ...", 3alyoum's
// "سمات ..." tags, SPA's "انتهى 14:58 ت م"). Copy detection compares bodies without them.
//
// The rules are a hand list (the wrappers named in issue 14) plus rules learned from the corpora
// by bench/copy_learn (indexer/data/wrappers.tsv): lines that repeat across one source's articles,
// and phrases that open or close many of them but few of other sources'. Learned once and
// shipped, so that a bulk build and later batches strip the same words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/token.h"

namespace rasd {

class Analyzer;

/// Where a rule applies.
enum class WrapperKind { Line, Lead, Tail };

/// Wrapper rules by source ("" = every source), as normalised words.
class WrapperRules {
 public:
  /// No rules.
  WrapperRules() = default;
  /// The hand list and the learned table, normalised by `analyzer`.
  static WrapperRules built_in(const Analyzer& analyzer);
  /// Rules from `tsv` (lines "source<TAB>line|lead|tail<TAB>words"; '#' comments), for tests
  /// and the learning tool. Throws InvalidInput naming `origin` and the line when one is malformed.
  static WrapperRules parse(std::string_view tsv, const Analyzer& analyzer, const std::string& origin);

  void add(std::string_view source, WrapperKind kind, const std::vector<std::string>& words);

  /// Indexes into `tokens` (the tokens of `text`) of the words that are not wrappers of
  /// `source`, ascending.
  std::vector<std::uint32_t> content(std::string_view source, std::string_view text,
                                     const std::vector<Token>& tokens) const;

  std::size_t size() const;

 private:
  struct Rules {
    std::unordered_set<std::string> lines;       // words of a whole line, joined by ' '
    std::vector<std::vector<std::string>> leads;  // phrases that end an opening wrapper
    std::vector<std::vector<std::string>> tails;  // phrases that start a closing wrapper
  };
  void apply(const Rules& rules, std::string_view text, const std::vector<Token>& tokens,
             std::vector<bool>& dropped) const;

  std::unordered_map<std::string, Rules> by_source_;  // "" holds the rules of every source
};

}  // namespace rasd
