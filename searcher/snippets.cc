#include "searcher/snippets.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/analyzer.h"

namespace rasd {
namespace {

/// Which tokens of a text match the query: on the surface form, a wildcard prefix or the stem.
class WordMatcher {
 public:
  WordMatcher(const MatchTerms& match, const Analyzer& analyzer, const TermStats* stats)
      : match_(match), analyzer_(analyzer), stats_(stats), norms_(match.norms.begin(), match.norms.end()),
        stems_(match.stems.begin(), match.stems.end()) {}

  bool matches(const std::string& norm) {
    if (norms_.count(norm)) return true;
    for (const std::string& p : match_.prefixes)
      if (norm.starts_with(p)) return true;
    // Stemming every word would be slow: only words that contain a query stem can share it.
    bool candidate = false;
    for (const std::string& s : match_.stems) candidate = candidate || (!s.empty() && norm.find(s) != std::string::npos);
    if (!candidate) return false;
    auto [it, fresh] = cache_.try_emplace(norm, false);
    if (fresh) {
      const StemResult r = analyzer_.stem(norm, stats_);
      bool hit = stems_.count(r.stem) > 0;
      for (const std::string& a : r.alts) hit = hit || stems_.count(a) > 0;
      it->second = hit;
    }
    return it->second;
  }

 private:
  const MatchTerms& match_;
  const Analyzer& analyzer_;
  const TermStats* stats_;
  std::unordered_set<std::string> norms_, stems_;
  std::unordered_map<std::string, bool> cache_;
};

struct Window {
  std::size_t begin = 0, end = 0, score = 0;
};

// Distinct matched words weigh more than repeats, so a passage with both query words wins.
Window best_window(const std::vector<Token>& toks, const std::vector<bool>& hit, std::size_t width,
                   const std::vector<Window>& taken) {
  Window best;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (!hit[i]) continue;
    const std::size_t begin = i > 3 ? i - 3 : 0;
    const std::size_t end = std::min(toks.size(), begin + width);
    bool overlaps = false;
    for (const Window& w : taken) overlaps = overlaps || (begin < w.end && w.begin < end);
    if (overlaps) continue;
    std::unordered_set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t k = begin; k < end; ++k)
      if (hit[k]) {
        ++count;
        distinct.insert(toks[k].norm);
      }
    const std::size_t score = 10 * distinct.size() + count;
    if (score > best.score) best = {begin, end, score};
  }
  return best;
}

}  // namespace

std::string mark_up(std::string_view text, const std::vector<Highlight>& highlights) {
  std::string out;
  out.reserve(text.size() + highlights.size() * 13);
  auto escape = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      switch (text[i]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += text[i];
      }
    }
  };
  std::size_t at = 0;
  for (const Highlight& h : highlights) {
    escape(at, h.start);
    out += "<mark>";
    escape(h.start, h.end);
    out += "</mark>";
    at = h.end;
  }
  escape(at, text.size());
  return out;
}

Snippet make_snippet(std::string_view text, const MatchTerms& match, const Analyzer& analyzer, const SnippetOptions& options) {
  const std::vector<Token> toks = analyzer.tokenize(text);
  Snippet s;
  if (toks.empty()) return s;
  WordMatcher matcher(match, analyzer, options.stats);
  std::vector<bool> hit(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) hit[i] = matcher.matches(toks[i].norm);
  std::vector<Window> windows;
  for (std::size_t p = 0; p < options.passages; ++p) {
    const Window w = best_window(toks, hit, options.words, windows);
    if (w.score == 0) break;
    windows.push_back(w);
  }
  if (windows.empty()) windows.push_back({0, std::min(toks.size(), options.words), 0});
  std::sort(windows.begin(), windows.end(), [](const Window& a, const Window& b) { return a.begin < b.begin; });
  const std::string_view kEllipsis = "\u2026";
  for (const Window& w : windows) {
    if (w.begin > 0 || !s.text.empty()) s.text.append(s.text.empty() ? "" : " ").append(kEllipsis).append(" ");
    const std::size_t base = s.text.size();
    const std::uint32_t from = toks[w.begin].start;
    s.text.append(text.substr(from, toks[w.end - 1].end - from));
    for (std::size_t k = w.begin; k < w.end; ++k)
      if (hit[k])
        s.highlights.push_back({static_cast<std::uint32_t>(base + toks[k].start - from),
                                static_cast<std::uint32_t>(base + toks[k].end - from)});
  }
  if (windows.back().end < toks.size()) s.text.append(" ").append(kEllipsis);
  // Line breaks become spaces (same length, so the offsets hold): a snippet is one line.
  for (char& c : s.text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  s.html = mark_up(s.text, s.highlights);
  return s;
}

}  // namespace rasd
