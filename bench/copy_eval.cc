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
// Copies whose longer text is a roundup of other stories ("digest") or a page printing several
// releases ("combined") are reported apart: they are copies by containment, but rasd clusters a
// page with the story it opens with only (a roundup would otherwise tie every story it quotes
// into one cluster).
#include <cstdio>
#include <cctype>
#include <filesystem>
#include <fstream>
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
#include "bench/copy_index.h"
#include <nlohmann/json.hpp>

#include "indexer/copy_clusters.h"
#include "indexer/copy_match.h"
#include "indexer/copy_signature.h"
#include "indexer/iso_date.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"

namespace {

using namespace rasd;
using rasd::bench::LabelledPair;
using rasd::bench::cluster_of;
using rasd::bench::explain_cluster;
using rasd::bench::partition;

// Families of non-copies that look like copies: templates filled with other names, figures or
// places, and bodies with nothing to compare. The others ("related", "same_story") are reports
// of one event written apart.
bool hard(const LabelledPair& p) { return !p.copy && p.family != "related" && p.family != "same_story"; }

// Copies by containment that a page of several stories makes: a roundup (digest) or a page
// printing several releases (combined), the shorter not being the one the page opens with.
bool digest(const LabelledPair& p) {
  for (const char* e : {"digest", "combined"})
    if (std::find(p.edits.begin(), p.edits.end(), e) != p.edits.end()) return true;
  return false;
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
  std::printf("\nprecision (digests and combined pages apart) %d/%d = %.3f; digests and combined pages merged %s\n", r.merged_true - r.digests.merged,
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

// ---- simulate: the clusters of a whole corpus, in memory, from cached signatures -------------

template <class T>
void put(std::ofstream& out, const std::vector<T>& v) {
  const std::uint64_t n = v.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}
template <class T>
void get(std::ifstream& in, std::vector<T>& v) {
  std::uint64_t n = 0;
  in.read(reinterpret_cast<char*>(&n), sizeof n);
  v.resize(n);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

struct Signed {
  std::string id;
  CopySignature sig;
};

void save(const std::string& path, const std::vector<Signed>& docs) {
  std::ofstream out(path, std::ios::binary);
  for (const Signed& d : docs) {
    const std::uint64_t n = d.id.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(d.id.data(), static_cast<std::streamsize>(n));
    out.write(reinterpret_cast<const char*>(&d.sig.words), sizeof d.sig.words);
    out.write(reinterpret_cast<const char*>(&d.sig.text_hash), sizeof d.sig.text_hash);
    out.write(reinterpret_cast<const char*>(&d.sig.day), sizeof d.sig.day);
    out.write(reinterpret_cast<const char*>(&d.sig.level), sizeof d.sig.level);
    put(out, d.sig.shingles);
    put(out, d.sig.positions);
    put(out, d.sig.salient);
    put(out, d.sig.anchors);
  }
}

std::vector<Signed> load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Signed> docs;
  for (std::uint64_t n = 0; in.read(reinterpret_cast<char*>(&n), sizeof n);) {
    Signed d;
    d.id.resize(n);
    in.read(d.id.data(), static_cast<std::streamsize>(n));
    in.read(reinterpret_cast<char*>(&d.sig.words), sizeof d.sig.words);
    in.read(reinterpret_cast<char*>(&d.sig.text_hash), sizeof d.sig.text_hash);
    in.read(reinterpret_cast<char*>(&d.sig.day), sizeof d.sig.day);
    in.read(reinterpret_cast<char*>(&d.sig.level), sizeof d.sig.level);
    get(in, d.sig.shingles);
    get(in, d.sig.positions);
    get(in, d.sig.salient);
    get(in, d.sig.anchors);
    d.sig.sort_shingles();
    docs.push_back(std::move(d));
  }
  return docs;
}

// Signatures of every report of `corpus` (cached in `cache` when it names a file: the analysis
// is most of the time, the clustering seconds).
std::vector<Signed> sign_corpus(const std::string& corpus, const std::string& cache) {
  if (!cache.empty() && std::filesystem::exists(cache)) return load(cache);
  const auto analyzer = make_analyzer({StemmerKind::Light, ""});
  const CopySigner signer(*analyzer);
  std::vector<Signed> docs;
  rasd::bench::for_each_report(corpus, [&](Report& r) {
    AnalyzeContext ctx;
    if (r.published) ctx.published = day_of(*r.published);
    const Analysis body = analyzer->analyze(r.body, ctx);
    docs.push_back({r.id, signer.sign({r.source, r.published, r.body, &body.tokens, mentions_of(r.body, body)})});
  });
  if (!cache.empty()) save(cache, docs);
  return docs;
}

std::map<std::string, std::string> simulate(const std::vector<Signed>& docs, const std::string& explain = "") {
  const auto analyzer = make_analyzer({StemmerKind::Light, ""});
  CopyClusters clusters("/nonexistent/rasd-copy-eval", *analyzer);
  std::map<std::string, std::string> key;
  for (const Signed& d : docs) key[d.id] = clusters.assign(d.id, "Q" + d.id, d.sig).key;
  for (const ClusterFixup& f : clusters.take_fixups()) key[f.id_term.substr(1)] = f.key;
  std::map<std::string, std::size_t> size;
  for (const auto& [id, k] : key) ++size[k];
  std::vector<std::pair<std::size_t, std::string>> big;
  std::size_t multi = 0, in_multi = 0;
  for (const auto& [k, n] : size)
    if (n > 1) {
      ++multi;
      in_multi += n;
      big.push_back({n, k});
    }
  std::sort(big.rbegin(), big.rend());
  std::printf("%zu documents, %zu clusters of 2 or more holding %zu; largest:", key.size(), multi, in_multi);
  for (std::size_t i = 0; i < std::min<std::size_t>(8, big.size()); ++i) std::printf(" %zu (%s)", big[i].first, big[i].second.c_str());
  std::printf("\n");
  if (!explain.empty()) {
    std::vector<const Signed*> members;
    for (const Signed& d : docs)
      if (key[d.id] == explain) members.push_back(&d);
    for (std::size_t i = 0; i < members.size(); ++i) {
      std::printf("%zu %s (%u words):", i, members[i]->id.c_str(), members[i]->sig.words);
      for (std::size_t k = 0; k < members.size(); ++k) {
        if (k == i) continue;
        const CopyEvidence e = compare_copies(members[i]->sig, members[k]->sig);
        if (is_copy(e)) std::printf(" %zu(%.2f,from %u)", k, e.weighted, e.long_from);
      }
      std::printf("\n");
    }
  }
  return key;
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
    if (argc == 4 && std::strcmp(argv[1], "cluster") == 0) return explain_cluster(argv[2], argv[3]);
    std::string split = "tune", pairs_path = "bench/copies/pairs.tsv";
    int errors = 0;
    bool show_all = false;
    std::string trace, explain;
    std::map<std::string, std::string> dbs;
    std::map<std::string, std::string> caches;  // simulate: corpus -> signature cache
    bool simulated = false;
    for (int i = 1; i < argc; ++i) {
      const std::string a = argv[i];
      if (a == "--split" && i + 1 < argc) split = argv[++i];
      else if (a == "--errors" && i + 1 < argc) errors = std::stoi(argv[++i]);
      else if (a == "--pairs" && i + 1 < argc) pairs_path = argv[++i];
      else if (a == "--all") show_all = true;
      else if (a == "--simulate") simulated = true;
      else if (a == "--explain" && i + 1 < argc) explain = argv[++i];
      else if (a == "--cache" && i + 1 < argc) {
        const std::string v = argv[++i];
        const auto eq = v.find('=');
        if (eq == std::string::npos) return usage();
        caches[v.substr(0, eq)] = v.substr(eq + 1);
      }
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
    int shown = 0;
    if (simulated) {
      std::set<std::string> corpora;
      for (const LabelledPair& p : pairs) corpora.insert(p.corpus);
      std::map<std::string, std::map<std::string, std::string>> keys;
      for (const std::string& c : corpora) {
        std::printf("%s: ", c.c_str());
        keys[c] = simulate(sign_corpus(c, caches.count(c) ? caches[c] : ""), explain);
      }
      for (const LabelledPair& p : pairs) {
        const auto& k = keys[p.corpus];
        auto a = k.find(p.a), b = k.find(p.b);
        const bool merged = a != k.end() && b != k.end() && a->second == b->second;
        tally(report, p, merged);
        if (merged != p.copy && shown++ < errors && split != "held")
          std::printf("%s %s %s [%s %s %s] cluster %s\n", p.copy ? "MISSED" : "MERGED", p.a.c_str(), p.b.c_str(), p.band.c_str(),
                      p.copy ? (p.edits.empty() ? "-" : p.edits[0].c_str()) : p.family.c_str(), p.note.c_str(),
                      a == k.end() ? "-" : a->second.c_str());
      }
      print(report, "clusters of the whole corpus in memory, split " + split);
      return 0;
    }
    if (!dbs.empty()) {
      std::map<std::string, std::unique_ptr<Xapian::Database>> open;
      for (const auto& [corpus, dir] : dbs) open[corpus] = std::make_unique<Xapian::Database>(dir);
      for (const LabelledPair& p : pairs) {
        auto it = open.find(p.corpus);
        if (it == open.end()) continue;
        const std::string ca = cluster_of(*it->second, p.a), cb = cluster_of(*it->second, p.b);
        if (ca.empty() || cb.empty()) std::fprintf(stderr, "copy_eval: %s or %s not in the %s index\n", p.a.c_str(), p.b.c_str(), p.corpus.c_str());
        const bool merged = !ca.empty() && ca == cb;
        tally(report, p, merged);
        if (merged != p.copy && shown++ < errors && split != "held")
          std::printf("%s %s %s [%s %s %s] cluster %s\n", p.copy ? "MISSED" : "MERGED", p.a.c_str(), p.b.c_str(), p.band.c_str(),
                      p.copy ? (p.edits.empty() ? "-" : p.edits[0].c_str()) : p.family.c_str(), p.note.c_str(), ca.c_str());
      }
      print(report, "clusters of the index, split " + split);
      return 0;
    }
    const CopySigner signer(*analyzer);
    const auto docs = load_docs(pairs, *analyzer, signer);
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
          if (sl.conflict || (!trace.empty() && (p.a == trace || p.b == trace))) {
            std::printf("    slot: [%s] / [%s]", words_between(sd.words, sl.short_from, sl.short_to).c_str(),
                        words_between(ld.words, sl.long_from, sl.long_to).c_str());
            for (const auto& [d, from, to] : {std::tuple{&sd, sl.short_from, sl.short_to}, std::tuple{&ld, sl.long_from, sl.long_to}})
              for (const Salient& x : d->sig.salient)
                if (x.pos >= from && x.pos < to) std::printf(" {%s k%d %08x}", d->words[x.pos].c_str(), static_cast<int>(x.kind), x.value);
            std::printf("\n");
          }
      }
    }
    print(report, "detector on the pairs, split " + split);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "copy_eval: %s\n", e.what());
    return 3;
  }
}
