// Reads fixtures/conflation.tsv (word, = or ≠, target, note) and judges a stemmer on it; shared
// by tests/analyzers/conflation_test.cc and bench/conflation_bench.cc.
#pragma once

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/stem/stemmer.h"

namespace rasd::conflation {

struct Row {
  std::string word, target, note;
  bool same = true;  // `=` row; false for `≠`
  int line = 0;
};

inline std::vector<Row> load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Row> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) f.push_back(col);
    if (f.size() < 3 || (f[1] != "=" && f[1] != "≠")) throw std::runtime_error(path + ":" + std::to_string(n) + ": bad row");
    rows.push_back({f[0], f[2], f.size() > 3 ? f[3] : "", f[1] == "=", n});
  }
  return rows;
}

/// Whether two stem results conflate: the same stem, or one's stem among the other's alternatives.
inline bool conflate(const StemResult& a, const StemResult& b) {
  if (a.stem == b.stem) return true;
  for (const std::string& x : a.alts)
    if (x == b.stem) return true;
  for (const std::string& x : b.alts)
    if (x == a.stem) return true;
  return false;
}

struct Score {
  int same_ok = 0, same_total = 0, diff_ok = 0, diff_total = 0;
  std::vector<std::string> failures;  // "line: word =/≠ target (stem | stem)"
  int ok() const { return same_ok + diff_ok; }
  int total() const { return same_total + diff_total; }
  double overall() const { return total() ? 100.0 * ok() / total() : 0; }
  double same_rate() const { return same_total ? 100.0 * same_ok / same_total : 0; }
  double diff_rate() const { return diff_total ? 100.0 * diff_ok / diff_total : 0; }
};

/// Scores `stem` (raw word -> stem result) on `rows`.
inline Score score(const std::vector<Row>& rows, const std::function<StemResult(const std::string&)>& stem) {
  Score s;
  for (const Row& r : rows) {
    const StemResult a = stem(r.word), b = stem(r.target);
    const bool ok = conflate(a, b) == r.same;
    (r.same ? s.same_total : s.diff_total)++;
    if (ok) (r.same ? s.same_ok : s.diff_ok)++;
    else
      s.failures.push_back(std::to_string(r.line) + ": " + r.word + (r.same ? " = " : " ≠ ") + r.target + "  (" +
                           a.stem + " | " + b.stem + ")  " + r.note);
  }
  return s;
}

}  // namespace rasd::conflation
