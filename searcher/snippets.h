// Snippets: the best passage or two of a document for a query, with whole original words
// highlighted (offsets and HTML-escaped <mark> markup).
#pragma once

#include <string>
#include <string_view>

#include "searcher/match_terms.h"
#include "searcher/search.h"

namespace rasd {

class Analyzer;
class TermStats;

/// How long snippets are and what a word is matched with.
struct SnippetOptions {
  std::size_t words = 28;    // words per passage
  std::size_t passages = 2;  // at most
  const TermStats* stats = nullptr;
};

/// The passage(s) of `text` with the most distinct query words; the opening words when none match.
Snippet make_snippet(std::string_view text, const MatchTerms& match, const Analyzer& analyzer, const SnippetOptions& options);

/// `text` HTML-escaped, with <mark>…</mark> around each highlight (offsets into `text`, sorted).
std::string mark_up(std::string_view text, const std::vector<Highlight>& highlights);

}  // namespace rasd
