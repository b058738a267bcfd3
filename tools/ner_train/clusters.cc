// Unlabelled corpus, fastText vectors and k-means clusters (clusters.h).
#include "tools/ner_train/clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fasttext/fasttext.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "analyzers/analyzer.h"

namespace rasd::ner_train {
namespace {

namespace fs = std::filesystem;

std::string read_gzip(const fs::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path.string());
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

std::string_view between(std::string_view doc, std::string_view open, std::string_view close) {
  const auto a = doc.find(open);
  if (a == std::string_view::npos) return {};
  const auto b = doc.find(close, a + open.size());
  if (b == std::string_view::npos) return {};
  return doc.substr(a + open.size(), b - a - open.size());
}

std::vector<fs::path> files_ending(const fs::path& dir, std::string_view suffix) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(suffix)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  if (out.empty()) throw std::runtime_error("no *" + std::string(suffix) + " in " + dir.string());
  return out;
}

/// Unit-length copies of the vectors (cosine similarity as a dot product).
void normalise(std::vector<float>& v, std::size_t dim) {
  for (std::size_t i = 0; i < v.size(); i += dim) {
    double s = 0;
    for (std::size_t d = 0; d < dim; ++d) s += double(v[i + d]) * v[i + d];
    const float inv = s > 0 ? static_cast<float>(1 / std::sqrt(s)) : 0;
    for (std::size_t d = 0; d < dim; ++d) v[i + d] *= inv;
  }
}

/// Spherical k-means (Lloyd's iterations over unit vectors), started from k points evenly
/// spaced through the input order (words come most frequent first): deterministic.
std::vector<std::uint16_t> kmeans(const std::vector<float>& x, std::size_t dim, std::size_t k, int iterations,
                                  std::vector<float>* centroids_out) {
  const std::size_t n = x.size() / dim;
  k = std::min(k, n);
  std::vector<float> c(k * dim);
  for (std::size_t j = 0; j < k; ++j) std::copy_n(x.begin() + static_cast<std::ptrdiff_t>(j * n / k * dim), dim, c.begin() + static_cast<std::ptrdiff_t>(j * dim));
  std::vector<std::uint16_t> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    std::size_t moved = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const float* xi = &x[i * dim];
      float best = -2;
      std::uint16_t arg = 0;
      for (std::size_t j = 0; j < k; ++j) {
        const float* cj = &c[j * dim];
        float s = 0;
        for (std::size_t d = 0; d < dim; ++d) s += xi[d] * cj[d];
        if (s > best) {
          best = s;
          arg = static_cast<std::uint16_t>(j);
        }
      }
      moved += assign[i] != arg;
      assign[i] = arg;
    }
    std::vector<double> sum(k * dim, 0);
    std::vector<std::size_t> size(k, 0);
    for (std::size_t i = 0; i < n; ++i) {
      ++size[assign[i]];
      for (std::size_t d = 0; d < dim; ++d) sum[assign[i] * dim + d] += x[i * dim + d];
    }
    for (std::size_t j = 0; j < k; ++j)
      if (size[j])  // an emptied cluster keeps its old centre
        for (std::size_t d = 0; d < dim; ++d) c[j * dim + d] = static_cast<float>(sum[j * dim + d]);
    normalise(c, dim);
    std::fprintf(stderr, "  k-means k=%zu iteration %d: %zu moved\n", k, it + 1, moved);
    if (moved == 0) break;
  }
  if (centroids_out) *centroids_out = std::move(c);
  return assign;
}

}  // namespace

void Clusters::index() {
  map_.clear();
  for (const auto& e : entries) map_.emplace(e.fingerprint, std::make_pair(e.coarse, e.fine));
}

bool Clusters::find(std::string_view norm, std::uint16_t& coarse, std::uint16_t& fine) const {
  const auto it = map_.find(ner::fingerprint(ner::attribute('w', norm)));
  if (it == map_.end()) return false;
  coarse = it->second.first;
  fine = it->second.second;
  return true;
}

void write_unlabelled_corpus(const fs::path& corpora, const std::vector<std::string>& extra_texts, const fs::path& path) {
  const Analyzer a({StemmerKind::None, "", Recognizer::None});
  std::ofstream out(path, std::ios::binary);
  std::size_t docs = 0, words = 0;
  auto put = [&](std::string_view text) {
    std::string line;
    for (const Token& t : a.tokenize(text)) {
      line += t.norm;
      line += ' ';
      ++words;
    }
    if (line.empty()) return;
    line.back() = '\n';
    out << line;
    ++docs;
  };
  for (const fs::path& f : files_ending(corpora / "ant-multisource" / "docs", ".trec.gz")) {
    const std::string all = read_gzip(f);
    std::string_view rest = all;
    for (auto end = rest.find("</DOC>"); end != std::string_view::npos; end = rest.find("</DOC>")) {
      const std::string_view doc = rest.substr(0, end);
      put(std::string(between(doc, "<TITLE>", "</TITLE>")) + "\n" + std::string(between(doc, "<TEXT>", "</TEXT>")));
      rest.remove_prefix(end + 6);
    }
  }
  for (const fs::path& f : files_ending(corpora / "saudinewsnet" / "data", ".jsonl.gz")) {
    std::istringstream lines(read_gzip(f));
    for (std::string line; std::getline(lines, line);) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object()) continue;
      put(j.value("title", std::string()) + "\n" + j.value("content", std::string()));
    }
  }
  for (const std::string& t : extra_texts) put(t);
  std::fprintf(stderr, "unlabelled corpus: %zu texts, %zu words -> %s\n", docs, words, path.c_str());
}

Clusters learn_clusters(const fs::path& corpus, const ClusterOptions& o, const fs::path& words_out) {
  fasttext::Args args;
  args.input = corpus.string();
  args.model = fasttext::model_name::sg;
  args.dim = o.dim;
  args.epoch = o.epoch;
  args.minCount = o.min_count;
  args.minn = 0;  // whole words only: clusters are looked up by the word
  args.maxn = 0;
  args.thread = 1;  // one thread, one seed: the same vectors every run
  args.seed = 1;
  args.verbose = 0;
  fasttext::FastText ft;
  std::fprintf(stderr, "fastText skip-gram: dim %d, %d epochs, words seen %d+ times\n", o.dim, o.epoch, o.min_count);
  ft.train(args);
  const auto dict = ft.getDictionary();
  const std::size_t n = static_cast<std::size_t>(dict->nwords());
  const std::size_t dim = static_cast<std::size_t>(o.dim);
  std::vector<float> x(n * dim);
  fasttext::Vector v(o.dim);
  for (std::size_t i = 0; i < n; ++i) {
    ft.getWordVector(v, dict->getWord(static_cast<std::int32_t>(i)));
    for (std::size_t d = 0; d < dim; ++d) x[i * dim + d] = v[static_cast<std::int64_t>(d)];
  }
  normalise(x, dim);
  std::vector<float> centroids;
  const std::vector<std::uint16_t> fine = kmeans(x, dim, static_cast<std::size_t>(o.fine), o.iterations, &centroids);
  const std::vector<std::uint16_t> coarse_of_fine =
      kmeans(centroids, dim, static_cast<std::size_t>(o.coarse), o.iterations * 2, nullptr);
  const std::vector<std::int64_t> counts = dict->getCounts(fasttext::entry_type::word);
  std::ofstream out(words_out, std::ios::binary);
  for (std::size_t i = 0; i < n; ++i)
    out << dict->getWord(static_cast<std::int32_t>(i)) << '\t' << counts[i] << '\t' << coarse_of_fine[fine[i]] << '\t'
        << fine[i] << '\n';
  out.close();
  return read_clusters(words_out);
}

Clusters read_clusters(const fs::path& words_file) {
  std::ifstream in(words_file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + words_file.string());
  std::unordered_map<std::uint32_t, int> seen;  // fingerprints two words share: neither kept
  Clusters c;
  for (std::string line; std::getline(in, line);) {
    std::istringstream f(line);
    std::string word;
    long long count = 0;
    unsigned coarse = 0, fine = 0;
    if (!(std::getline(f, word, '\t') >> count >> coarse >> fine)) continue;
    const std::uint32_t fp = ner::fingerprint(ner::attribute('w', word));
    if (++seen[fp] > 1) continue;
    c.entries.push_back({fp, static_cast<std::uint16_t>(coarse), static_cast<std::uint16_t>(fine)});
  }
  std::erase_if(c.entries, [&](const ner::ModelData::Cluster& e) { return seen[e.fingerprint] > 1; });
  std::sort(c.entries.begin(), c.entries.end(),
            [](const auto& a, const auto& b) { return a.fingerprint < b.fingerprint; });
  c.index();
  return c;
}

}  // namespace rasd::ner_train
