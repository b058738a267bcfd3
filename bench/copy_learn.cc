// Learns copy detection's tables from the corpora (SaudiNewsNet and ANT, read in place as
// `rasd index` reads them) and writes them to indexer/data/:
//
// - wrappers.tsv: per source, lines that repeat across its articles (share bars, contact boxes,
//   subscription notices), and phrases that open or close many of its articles but few of other
//   sources' (bylines, datelines, tag lines). See indexer/wrappers.h.
// - common_shingles.txt: word 3-shingles that recur on many days in several sources (template
//   wording: cables, notices, bulletins), which weigh little when two texts are compared.
// - common_words.txt: words in at least 30 articles of a corpus: never a rare word (a name)
//   when two texts disagree (the stemmer's lexicon counts ANT only, not Saudi usage).
//
//   build/copy_learn [OUT_DIR]      (default indexer/data; RASD_CORPORA as for the other tools)
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"
#include "bench/copy_corpus.h"
#include "indexer/copy_signature.h"
#include "indexer/iso_date.h"
#include "index/xapian_adapter.h"

namespace {

using namespace rasd;

// Thresholds, chosen by reading what they select on both corpora (the files are reviewed
// by hand before they are committed).
constexpr std::size_t kLeadWindow = 14, kTailWindow = 40, kMaxLineWords = 16;
constexpr double kMinSourceShare = 0.15;   // a phrase opens or closes this share of a source's articles
constexpr double kMaxOtherShare = 0.01;    // and at most this share of other sources' articles
constexpr std::size_t kMinPhraseDocs = 20;
constexpr std::size_t kMinLineDocs = 5;    // a line repeated in this many articles of a source
constexpr double kMinLineShare = 0.005;
constexpr std::size_t kMinDays = 3;        // on this many days (not one story told twice)
struct CommonRule {
  const char* corpus;
  std::size_t days, sources;
};
// SaudiNewsNet spans 18 days of 15 sources, ANT 9 months of 5: a shingle recurring on a third
// of SaudiNewsNet's days in 3 papers, or on 15 days in 2 of ANT's sources, is template wording.
constexpr CommonRule kCommon[] = {{"snn", 5, 3}, {"ant", 15, 2}};
constexpr std::size_t kCommonWordDocs = 30;

struct Counts {
  std::size_t docs = 0;
  std::unordered_map<std::string, std::set<std::string>> line_days;  // line -> "day#id" of its articles
  std::unordered_map<std::string, std::size_t> lead, tail;           // phrase -> articles
};

// One article's shingle at its day and source: sorted, the runs give each shingle's days and sources.
struct Occurrence {
  std::uint32_t shingle;
  std::uint16_t day;
  std::uint16_t source;
  bool operator<(const Occurrence& o) const {
    return shingle != o.shingle ? shingle < o.shingle : day != o.day ? day < o.day : source < o.source;
  }
};

std::string join(const std::vector<Token>& t, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out.append(i == from ? "" : " ").append(t[i].norm);
  return out;
}

// Phrases of 1 to 3 words starting in [from, to), once each.
std::set<std::string> phrases(const std::vector<Token>& t, std::size_t from, std::size_t to) {
  std::set<std::string> out;
  for (std::size_t i = from; i < to; ++i)
    for (std::size_t n = 1; n <= 3 && i + n <= t.size() && i + n <= to; ++n) out.insert(join(t, i, i + n));
  return out;
}

template <class Map>
std::uint16_t index_of(Map& m, const std::string& key) {
  return m.try_emplace(key, static_cast<std::uint16_t>(m.size())).first->second;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string out_dir = argc > 1 ? argv[1] : "indexer/data";
    const auto analyzer = make_analyzer({StemmerKind::Light, ""});
    std::map<std::string, Counts> by_source;
    std::ofstream common_out(out_dir + "/common_shingles.txt");
    if (!common_out) throw std::runtime_error("cannot write " + out_dir + "/common_shingles.txt");
    common_out << "# Word 3-shingles recurring on many days in several sources (bench/copy_learn; thresholds there).\n";
    std::size_t common_total = 0;
    std::unordered_map<std::string, std::size_t> word_docs;  // per corpus, reset for each
    std::set<std::string> common_words;
    for (const CommonRule& rule : kCommon) {
      std::vector<Occurrence> occ;
      std::unordered_map<std::uint32_t, std::string> words;  // shingle -> its words, for the output
      std::unordered_map<std::string, std::uint16_t> days, sources;
      rasd::bench::for_each_report(rule.corpus, [&](Report& r) {
        const std::vector<Token> t = analyzer->tokenize(r.body);
        Counts& c = by_source[r.source];
        ++c.docs;
        // Whole short lines.
        for (std::size_t i = 0; i < t.size();) {
          const std::size_t line_end = std::min(r.body.find('\n', t[i].start), r.body.size());
          std::size_t j = i;
          while (j < t.size() && t[j].start < line_end) ++j;
          if (j - i <= kMaxLineWords) c.line_days[join(t, i, j)].insert((r.published ? day_of(*r.published) : "") + "#" + r.id);
          i = j;
        }
        for (const std::string& p : phrases(t, 0, std::min(kLeadWindow, t.size()))) ++c.lead[p];
        for (const std::string& p : phrases(t, t.size() > kTailWindow ? t.size() - kTailWindow : 0, t.size())) ++c.tail[p];
        std::set<std::string_view> seen;
        for (const Token& tok : t)
          if (seen.insert(tok.norm).second && ++word_docs[tok.norm] == kCommonWordDocs) common_words.insert(tok.norm);
        const std::uint16_t day = index_of(days, r.published ? day_of(*r.published) : "");
        const std::uint16_t source = index_of(sources, r.source);
        std::vector<std::uint32_t> own;
        for (std::size_t k = 0; k + 2 < t.size(); ++k) own.push_back(shingle_hash(t[k].norm, t[k + 1].norm, t[k + 2].norm));
        std::sort(own.begin(), own.end());
        own.erase(std::unique(own.begin(), own.end()), own.end());
        for (std::uint32_t h : own) occ.push_back({h, day, source});
      });
      std::sort(occ.begin(), occ.end());
      std::unordered_map<std::uint32_t, bool> common;
      for (std::size_t i = 0; i < occ.size();) {
        std::size_t j = i;
        std::set<std::uint16_t> d, s;
        for (; j < occ.size() && occ[j].shingle == occ[i].shingle; ++j) {
          d.insert(occ[j].day);
          s.insert(occ[j].source);
        }
        if (d.size() >= rule.days && s.size() >= rule.sources) common[occ[i].shingle] = true;
        i = j;
      }
      occ.clear();
      occ.shrink_to_fit();
      // Second pass: the words of the common shingles.
      rasd::bench::for_each_report(rule.corpus, [&](Report& r) {
        const std::vector<Token> t = analyzer->tokenize(r.body);
        for (std::size_t k = 0; k + 2 < t.size(); ++k) {
          const std::uint32_t h = shingle_hash(t[k].norm, t[k + 1].norm, t[k + 2].norm);
          if (common.count(h) && !words.count(h)) words[h] = t[k].norm + " " + t[k + 1].norm + " " + t[k + 2].norm;
        }
      });
      std::vector<std::string> lines;
      for (const auto& [h, w] : words) lines.push_back(w);
      std::sort(lines.begin(), lines.end());
      for (const std::string& l : lines) common_out << l << '\n';
      std::fprintf(stderr, "%s: %zu common shingles\n", rule.corpus, lines.size());
      word_docs.clear();
      common_total += lines.size();
    }
    std::ofstream words_out(out_dir + "/common_words.txt");
    if (!words_out) throw std::runtime_error("cannot write " + out_dir + "/common_words.txt");
    words_out << "# Words in at least " << kCommonWordDocs << " articles of SaudiNewsNet or ANT (bench/copy_learn).\n";
    for (const std::string& w : common_words)
      if (w.find_first_of("0123456789") == std::string::npos) words_out << w << '\n';
    // Wrappers: a source's phrase against every other source's share of articles with it.
    std::size_t all_docs = 0;
    std::unordered_map<std::string, std::size_t> lead_all, tail_all, line_all;
    for (const auto& [s, c] : by_source) {
      all_docs += c.docs;
      for (const auto& [p, n] : c.lead) lead_all[p] += n;
      for (const auto& [p, n] : c.tail) tail_all[p] += n;
      for (const auto& [p, d] : c.line_days) line_all[p] += d.size();
    }
    std::ofstream wr(out_dir + "/wrappers.tsv");
    if (!wr) throw std::runtime_error("cannot write " + out_dir + "/wrappers.tsv");
    wr << "# Wrappers learned by bench/copy_learn: source, line|lead|tail, words (see indexer/wrappers.h).\n";
    std::size_t rules = 0;
    for (const auto& [source, c] : by_source) {
      const std::size_t other_docs = all_docs - c.docs;
      const auto other_share = [&](std::size_t all, std::size_t own) {
        return other_docs ? static_cast<double>(all - own) / static_cast<double>(other_docs) : 0.0;
      };
      const auto emit_phrases = [&](const char* kind, const std::unordered_map<std::string, std::size_t>& own,
                                    const std::unordered_map<std::string, std::size_t>& all) {
        // Two or more words without digits (datelines change daily), kept only when no longer
        // phrase that contains it opens or closes nearly as many articles.
        std::vector<std::string> candidates;
        for (const auto& [p, n] : own)
          if (p.find(' ') != std::string::npos && p.find_first_of("0123456789") == std::string::npos &&
              n >= kMinPhraseDocs && static_cast<double>(n) >= kMinSourceShare * static_cast<double>(c.docs) &&
              other_share(all.at(p), n) <= kMaxOtherShare)
            candidates.push_back(p);
        std::vector<std::string> kept;
        for (const std::string& p : candidates) {
          const bool covered = std::any_of(candidates.begin(), candidates.end(), [&](const std::string& q) {
            return q.size() > p.size() && (" " + q + " ").find(" " + p + " ") != std::string::npos &&
                   static_cast<double>(own.at(q)) >= 0.9 * static_cast<double>(own.at(p));
          });
          if (!covered) kept.push_back(p);
        }
        std::sort(kept.begin(), kept.end());
        for (const std::string& p : kept) wr << source << '\t' << kind << '\t' << p << '\n';
        rules += kept.size();
      };
      emit_phrases("lead", c.lead, lead_all);
      emit_phrases("tail", c.tail, tail_all);
      std::vector<std::string> lines;
      for (const auto& [line, docs] : c.line_days) {
        std::set<std::string> days;
        for (const std::string& d : docs) days.insert(d.substr(0, d.find('#')));
        if (line.empty() || docs.size() < kMinLineDocs || static_cast<double>(docs.size()) < kMinLineShare * static_cast<double>(c.docs) ||
            days.size() < kMinDays || other_share(line_all.at(line), docs.size()) > kMaxOtherShare)
          continue;
        lines.push_back(line);
      }
      std::sort(lines.begin(), lines.end());
      for (const std::string& l : lines) wr << source << "\tline\t" << l << '\n';
      rules += lines.size();
    }
    std::fprintf(stderr, "%zu wrapper rules, %zu common shingles written to %s\n", rules, common_total, out_dir.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "copy_learn: %s\n", e.what());
    return 3;
  }
}
