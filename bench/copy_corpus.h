// The corpora copy detection is evaluated and learned on, read in place as `rasd index` reads
// them (readers and cleaning): SaudiNewsNet (data/*.jsonl.gz) and ANT (docs/*.trec.gz); and the
// labelled pairs of bench/copies/pairs.tsv.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/ant_corpus.h"
#include "indexer/clean.h"
#include "indexer/input.h"
#include "indexer/readers.h"

namespace rasd::bench {

/// The files of one corpus ("snn" or "ant"), in name order.
inline std::vector<std::filesystem::path> corpus_files(const std::string& corpus) {
  const auto dir = corpus == "snn" ? corpora_dir() / "saudinewsnet" / "data" : corpora_dir() / "ant-multisource" / "docs";
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) throw std::runtime_error("no files in " + dir.string());
  return paths;
}

/// Calls `f` with every report of `corpus`, cleaned as rasd indexes it.
inline void for_each_report(const std::string& corpus, const std::function<void(Report&)>& f) {
  const Cleaner cleaner;
  for (const auto& p : corpus_files(corpus)) {
    InputFile file{p.string(), p.filename().string(), std::filesystem::file_size(p)};
    ReadOutcome out = read_reports(file, read_input_bytes(file), {}, cleaner);
    for (Report& r : out.reports) f(r);
  }
}

/// One labelled pair.
struct LabelledPair {
  std::string split, corpus, a, b;
  bool copy = false;
  std::vector<std::string> edits;  // identical, title, wrapper, cut, reworded, inserted, digest
  std::string band, family, drawn, note;
};

inline std::vector<std::string> split_on(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

/// The pairs of `path`; throws naming the file and line of a malformed one.
inline std::vector<LabelledPair> read_pairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<LabelledPair> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_on(line, '\t');
    if (f.size() < 9 || (f[4] != "copy" && f[4] != "not"))
      throw std::runtime_error(path + ":" + std::to_string(n) + ": expected split, corpus, id_a, id_b, copy|not, edit, band, family, drawn");
    LabelledPair p{f[0], f[1], f[2], f[3], f[4] == "copy", {}, f[6], f[7], f[8], f.size() > 9 ? f[9] : ""};
    if (f[5] != "-") p.edits = split_on(f[5], '+');
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace rasd::bench
