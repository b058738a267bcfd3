// Copy detection on the labelled pairs of bench/copies/pairs.tsv (SaudiNewsNet and ANT, read in
// place): recall of copies and the share of non-copies merged, by length band (of the shorter
// body: < 50, 50-150, > 150 words), edit type and template family, for the tuning part, the
// held-out part or both.
//
//   build/copy_eval [--split tune|held|all] [--errors N] [--pairs FILE]
//       decides each pair with the detector alone (signatures built as `rasd index` builds them)
//   build/copy_eval --db snn=DIR [--db ant=DIR] [--split ...]
//       a pair counts as merged when the two documents share a cluster in the index at DIR
//       (built by `rasd index`): what a search and an alert see, bridges included
//   build/copy_eval partition DIR1 DIR2
//       whether two indexes hold the same clusters (same members; keys may differ)
//
// Copies whose longer text is a roundup of other stories ("digest") are reported apart: they are
// copies by containment, but neither merging nor keeping them apart is wrong for an analyst.
#include <cstdio>
#include <cctype>
#include <cstring>
#include <tuple>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "bench/copy_corpus.h"
#include "indexer/copy_match.h"
#include "indexer/copy_signature.h"
#include "indexer/iso_date.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"

namespace {

using namespace rasd;
using rasd::bench::LabelledPair;

// Families of non-copies that look like copies: templates filled with other names, figures or
// places, and bodies with nothing to compare. The others ("related", "same_story") are reports
// of one event written apart.
bool hard(const LabelledPair& p) { return !p.copy && p.family != "related" && p.family != "same_story"; }

bool digest(const LabelledPair& p) {
  return std::find(p.edits.begin(), p.edits.end(), "digest") != p.edits.end();
}

struct Doc {
  Report report;
  CopySignature sig;
  std::vector<std::string> words;  // the compared words, for printing slots
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string words_between(const std::vector<std::string>& w, int from, int to) {
  std::string out;
  for (int i = std::max(0, from); i < to && i < static_cast<int>(w.size()); ++i) out.append(out.empty() ? "" : " ").append(w[static_cast<std::size_t>(i)]);
  return out;
}

struct Tally {
  int n = 0, merged = 0;
  void add(bool m) {
    ++n;
    merged += m;
  }
  std::string rate() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d/%d = %.3f", merged, n, n ? static_cast<double>(merged) / n : 0.0);
    return buf;
  }
};

struct Report3 {
  std::map<std::string, Tally> copies_by_band, hard_by_band, other_by_band, edits, families;
  Tally copies, hard_all, other, digests;
  int merged_total = 0, merged_true = 0;
};

const char* kBands[] = {"S", "M", "L"};
const char* band_name(const std::string& b) {
  return b == "S" ? "< 50 words" : b == "M" ? "50-150" : b == "L" ? "> 150" : "?";
}

void tally(Report3& r, const LabelledPair& p, bool merged) {
  if (merged) {
    ++r.merged_total;
    r.merged_true += p.copy;
  }
  if (p.copy && digest(p)) {
    r.digests.add(merged);
    return;
  }
  if (p.copy) {
    r.copies.add(merged);
    r.copies_by_band[p.band].add(merged);
    for (const std::string& e : p.edits) r.edits[e].add(merged);
  } else if (hard(p)) {
    r.hard_all.add(merged);
    r.hard_by_band[p.band].add(merged);
    r.families[p.family].add(merged);
  } else {
    r.other.add(merged);
    r.other_by_band[p.band].add(merged);
    r.families[p.family].add(merged);
  }
}

void print(const Report3& r, const std::string& title) {
  std::printf("\n## %s\n\n", title.c_str());
  std::printf("| band | copies found (recall) | hard non-copies merged | other non-copies merged |\n|---|---|---|---|\n");
  for (const char* b : kBands) {
    auto get = [&](const std::map<std::string, Tally>& m) { auto it = m.find(b); return it == m.end() ? Tally{} : it->second; };
    std::printf("| %s | %s | %s | %s |\n", band_name(b), get(r.copies_by_band).rate().c_str(),
                get(r.hard_by_band).rate().c_str(), get(r.other_by_band).rate().c_str());
  }
  std::printf("| all | %s | %s | %s |\n", r.copies.rate().c_str(), r.hard_all.rate().c_str(), r.other.rate().c_str());
  std::printf("\nprecision (digests apart) %d/%d = %.3f; digests merged %s\n", r.merged_true - r.digests.merged,
              r.merged_total - r.digests.merged,
              r.merged_total - r.digests.merged ? static_cast<double>(r.merged_true - r.digests.merged) / (r.merged_total - r.digests.merged) : 0.0,
              r.digests.rate().c_str());
  std::printf("\n| edit | copies found |\n|---|---|\n");
  for (const auto& [e, t] : r.edits) std::printf("| %s | %s |\n", e.c_str(), t.rate().c_str());
  std::printf("\n| non-copy family | merged |\n|---|---|\n");
  for (const auto& [f, t] : r.families) std::printf("| %s | %s |\n", f.c_str(), t.rate().c_str());
}


// Signatures of the documents the pairs name, built as the indexer builds them.
std::unordered_map<std::string, Doc> load_docs(const std::vector<LabelledPair>& pairs, const Analyzer& analyzer,
                                               const CopySigner& signer) {
  std::unordered_map<std::string, Doc> docs;
  std::map<std::string, std::set<std::string>> wanted;
  for (const LabelledPair& p : pairs) {
    wanted[p.corpus].insert(p.a);
    wanted[p.corpus].insert(p.b);
  }
  for (const auto& [corpus, ids] : wanted)
    rasd::bench::for_each_report(corpus, [&](Report& r) {
      if (!ids.count(r.id)) return;
      AnalyzeContext ctx;
      if (r.published) ctx.published = day_of(*r.published);
      const Analysis body = analyzer.analyze(r.body, ctx);
      CopySource src{r.source, r.published, r.body, &body.tokens, mentions_of(r.body, body)};
      Doc d{r, signer.sign(src), {}};
      for (std::uint32_t i : signer.wrappers().content(lower(r.source), r.body, body.tokens)) d.words.push_back(body.tokens[i].norm);
      docs[r.id] = std::move(d);
    });
  for (const auto& [corpus, ids] : wanted)
    for (const std::string& id : ids)
      if (!docs.count(id)) std::fprintf(stderr, "copy_eval: %s: no document '%s' in the corpus\n", corpus.c_str(), id.c_str());
  return docs;
}

std::string cluster_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::term(schema::kId, id);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return {};
  return db.get_document(*p).get_value(schema::kCluster);
}

// id -> cluster of every document of an index.
std::map<std::string, std::string> clusters(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<std::string, std::string> out;
  const std::string prefix(schema::kId);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    out[(*t).substr(prefix.size())] = db.get_document(*p).get_value(schema::kCluster);
  }
  return out;
}

// Two indexes hold the same clusters when every document's fellow members agree.
int partition(const std::string& a, const std::string& b) {
  const auto ca = clusters(a), cb = clusters(b);
  std::map<std::string, std::set<std::string>> ma, mb;
  for (const auto& [id, c] : ca) ma[c].insert(id);
  for (const auto& [id, c] : cb) mb[c].insert(id);
  std::size_t differ = 0, multi = 0, only = 0;
  for (const auto& [id, c] : ca) {
    auto it = cb.find(id);
    if (it == cb.end()) {
      ++only;
      continue;
    }
    if (ma[c].size() > 1) ++multi;
    if (ma[c] != mb[it->second]) {
      if (++differ <= 10) {
        std::printf("differs: %s: %zu members in %s, %zu in %s\n", id.c_str(), ma[c].size(), a.c_str(),
                    mb[it->second].size(), b.c_str());
      }
    }
  }
  std::printf("%zu documents (%zu in clusters of 2 or more, %zu clusters of 2 or more); %zu in one index only; "
              "%zu whose cluster differs\n",
              ca.size(), multi, static_cast<std::size_t>(std::count_if(ma.begin(), ma.end(), [](const auto& kv) { return kv.second.size() > 1; })),
              only, differ);
  return differ || only ? 1 : 0;
}

int usage() {
  std::fprintf(stderr, "usage: copy_eval [--split tune|held|all] [--errors N] [--pairs FILE] [--db snn=DIR] [--db ant=DIR]\n"
                       "       copy_eval partition DIR1 DIR2\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 4 && std::strcmp(argv[1], "partition") == 0) return partition(argv[2], argv[3]);
    std::string split = "tune", pairs_path = "bench/copies/pairs.tsv";
    int errors = 0;
    bool show_all = false;
    std::string trace;
    std::map<std::string, std::string> dbs;
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--split" && i + 1 < argc) split = argv[++i];
      else if (a == "--errors" && i + 1 < argc) errors = std::stoi(argv[++i]);
      else if (a == "--pairs" && i + 1 < argc) pairs_path = argv[++i];
      else if (a == "--all") show_all = true;
      else if (a == "--trace" && i + 1 < argc) trace = argv[++i];
      else if (a == "--db" && i + 1 < argc) {
        const std::string v = argv[++i];
        const auto eq = v.find('=');
        if (eq == std::string::npos) return usage();
        dbs[v.substr(0, eq)] = v.substr(eq + 1);
      } else return usage();
    }
    if (split != "tune" && split != "held" && split != "all") return usage();
    std::vector<LabelledPair> pairs;
    for (LabelledPair& p : rasd::bench::read_pairs(pairs_path))
      if (split == "all" || p.split == split) pairs.push_back(std::move(p));
    const auto analyzer = make_analyzer({StemmerKind::Light, ""});
    Report3 report;
    if (!dbs.empty()) {
      std::map<std::string, std::unique_ptr<Xapian::Database>> open;
      for (const auto& [corpus, dir] : dbs) open[corpus] = std::make_unique<Xapian::Database>(dir);
      for (const LabelledPair& p : pairs) {
        auto it = open.find(p.corpus);
        if (it == open.end()) continue;
        const std::string ca = cluster_of(*it->second, p.a), cb = cluster_of(*it->second, p.b);
        if (ca.empty() || cb.empty()) std::fprintf(stderr, "copy_eval: %s or %s not in the %s index\n", p.a.c_str(), p.b.c_str(), p.corpus.c_str());
        tally(report, p, !ca.empty() && ca == cb);
      }
      print(report, "clusters of the index, split " + split);
      return 0;
    }
    const CopySigner signer(*analyzer);
    const auto docs = load_docs(pairs, *analyzer, signer);
    int shown = 0;
    for (const LabelledPair& p : pairs) {
      auto a = docs.find(p.a), b = docs.find(p.b);
      if (a == docs.end() || b == docs.end()) {
        tally(report, p, false);  // a document rasd does not index (no text) is in no cluster
        continue;
      }
      std::vector<CopySlot> slots;
      const CopyEvidence e = compare_copies(a->second.sig, b->second.sig, &slots);
      const bool merged = is_copy(e);
      tally(report, p, merged);
      if ((merged != p.copy || show_all) && shown < errors && split != "held") {
        ++shown;
        std::printf("%s %s %s [%s %s %s] words %u/%u contained %.2f weighted %.2f matched %u slots %u conflicts %u span %.2f own %x/%x%s%s\n",
                    merged == p.copy ? (p.copy ? "found " : "apart ") : p.copy ? "MISSED" : "MERGED", p.a.c_str(), p.b.c_str(), p.band.c_str(),
                    p.copy ? (p.edits.empty() ? "-" : p.edits[0].c_str()) : p.family.c_str(), p.note.c_str(),
                    a->second.sig.words, b->second.sig.words, e.containment, e.weighted, e.matched, e.slots, e.conflicts, e.span,
                    e.span_own_short, e.span_own_long,
                    e.close_in_time ? "" : " far-apart", e.exact ? " exact" : "");
        const bool a_short = std::tie(a->second.sig.words, a->second.sig.text_hash) <= std::tie(b->second.sig.words, b->second.sig.text_hash);
        const Doc& sd = a_short ? a->second : b->second;
        const Doc& ld = a_short ? b->second : a->second;
        if (!trace.empty() && (p.a == trace || p.b == trace)) {
          for (const Doc* d : {&sd, &ld}) {
            std::printf("    %s salient:", d->report.id.c_str());
            for (const Salient& x : d->sig.salient)
              std::printf(" %s/%d", x.pos < d->words.size() ? d->words[x.pos].c_str() : "?", static_cast<int>(x.kind));
            std::printf("\n");
          }
        }
        for (const CopySlot& sl : slots)
          if (sl.conflict || (!trace.empty() && (p.a == trace || p.b == trace))) std::printf("    slot: [%s] / [%s]\n", words_between(sd.words, sl.short_from, sl.short_to).c_str(),
                                       words_between(ld.words, sl.long_from, sl.long_to).c_str());
      }
    }
    print(report, "detector on the pairs, split " + split);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "copy_eval: %s\n", e.what());
    return 3;
  }
}
