// LIBLINEAR training and quantisation (train.h).
#include "tools/ner_train/train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

#include <linear.h>

namespace rasd::ner_train {
namespace {

void quiet(const char*) {}

}  // namespace

const std::vector<std::string>& tag_names() {
  static const std::vector<std::string> names = {"O",     "B-PERS", "I-PERS", "B-LOC", "I-LOC",
                                                 "B-ORG", "I-ORG",  "B-MISC", "I-MISC"};
  return names;
}

ner::ModelData train(const std::vector<const Example*>& examples, const Clusters& clusters, const TrainOptions& o) {
  // Feature numbers in order of first appearance (deterministic), for keys seen min_count times.
  std::unordered_map<std::uint64_t, int> count;
  for (const Example* e : examples)
    for (const auto& f : e->features)
      for (std::uint64_t k : f) ++count[k];
  std::unordered_map<std::uint64_t, int> index;
  std::vector<std::uint64_t> keys;
  for (const Example* e : examples)
    for (const auto& f : e->features)
      for (std::uint64_t k : f)
        if (count[k] >= o.min_count && index.emplace(k, static_cast<int>(keys.size()) + 1).second) keys.push_back(k);
  const int n = static_cast<int>(keys.size());
  std::vector<std::vector<feature_node>> rows;
  std::vector<double> y;
  for (const Example* e : examples)
    for (std::size_t t = 0; t < e->tags.size(); ++t) {
      std::vector<feature_node> row;
      for (std::uint64_t k : e->features[t])
        if (const auto it = index.find(k); it != index.end()) row.push_back({it->second, 1.0});
      std::sort(row.begin(), row.end(), [](const feature_node& a, const feature_node& b) { return a.index < b.index; });
      row.erase(std::unique(row.begin(), row.end(), [](const feature_node& a, const feature_node& b) { return a.index == b.index; }),
                row.end());
      row.push_back({n + 1, 1.0});  // the bias feature
      row.push_back({-1, 0});
      rows.push_back(std::move(row));
      y.push_back(e->tags[t]);
    }
  std::vector<feature_node*> x;
  for (auto& r : rows) x.push_back(r.data());
  problem prob{};
  prob.l = static_cast<int>(rows.size());
  prob.n = n + 1;
  prob.y = y.data();
  prob.x = x.data();
  prob.bias = -1;  // the bias is feature n + 1 above, so that its weight is read like the others
  parameter param{};
  param.solver_type = L2R_LR_DUAL;
  param.C = o.C;
  param.eps = o.eps;
  if (const char* err = check_parameter(&prob, &param)) throw std::runtime_error(err);
  set_print_string_function(quiet);
  model* m = ::train(&prob, &param);
  const std::size_t k = tag_names().size();
  if (static_cast<std::size_t>(m->nr_class) != k) throw std::runtime_error("a tag is missing from the training data");
  std::vector<std::size_t> ours(k);  // LIBLINEAR's class j -> our tag
  for (std::size_t j = 0; j < k; ++j) ours[j] = static_cast<std::size_t>(m->label[j]);
  auto w = [&](int feature, std::size_t j) { return m->w[static_cast<std::size_t>(feature) * k + j]; };

  ner::ModelData d;
  d.classes = tag_names();
  d.min_confidence = static_cast<float>(o.min_confidence);
  d.bias.assign(k, 0);
  for (std::size_t j = 0; j < k; ++j) d.bias[ours[j]] = static_cast<float>(w(n, j));
  double top = 0;
  for (int f = 0; f < n; ++f)
    for (std::size_t j = 0; j < k; ++j) top = std::max(top, std::abs(w(f, j)));
  d.scale = static_cast<float>(top / 32767);
  struct Row {
    std::uint32_t fp;
    double size;
    std::vector<std::int16_t> q;
  };
  std::vector<Row> kept;
  for (int f = 0; f < n; ++f) {
    double size = 0;
    for (std::size_t j = 0; j < k; ++j) size = std::max(size, std::abs(w(f, j)));
    if (size < o.prune) continue;
    Row r{ner::fingerprint(keys[static_cast<std::size_t>(f)]), size, std::vector<std::int16_t>(k)};
    for (std::size_t j = 0; j < k; ++j) r.q[ours[j]] = static_cast<std::int16_t>(std::lround(w(f, j) / d.scale));
    kept.push_back(std::move(r));
  }
  // Two keys with one fingerprint: the larger weights stay (the tagger cannot tell them apart).
  std::sort(kept.begin(), kept.end(), [](const Row& a, const Row& b) { return a.fp != b.fp ? a.fp < b.fp : a.size > b.size; });
  std::size_t clashes = 0;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0 && kept[i].fp == kept[i - 1].fp) {
      ++clashes;
      continue;
    }
    d.keys.push_back(kept[i].fp);
    d.weights.insert(d.weights.end(), kept[i].q.begin(), kept[i].q.end());
  }
  // Tag pairs: log P(tag | previous tag) from the training tags, add-one smoothed, weighted.
  std::vector<double> pairs(k * k, 1.0), from(k, static_cast<double>(k));
  for (const Example* e : examples)
    for (std::size_t t = 1; t < e->tags.size(); ++t) {
      pairs[static_cast<std::size_t>(e->tags[t - 1]) * k + static_cast<std::size_t>(e->tags[t])] += 1;
      from[static_cast<std::size_t>(e->tags[t - 1])] += 1;
    }
  for (std::size_t a = 0; a < k; ++a)
    for (std::size_t b = 0; b < k; ++b)
      d.transitions.push_back(static_cast<float>(o.transition * std::log(pairs[a * k + b] / from[a]) -
                                                 (b == 0 ? o.o_penalty : 0.0)));  // tag 0 is O
  d.clusters = clusters.entries;
  std::fprintf(stderr, "  trained on %d tokens, %d features; %zu kept (|w| >= %g), %zu fingerprint clashes\n", prob.l, n,
               d.keys.size(), o.prune, clashes);
  free_and_destroy_model(&m);
  return d;
}

}  // namespace rasd::ner_train
