// Word clusters for the recognizer, learned from unlabelled news: fastText skip-gram vectors of
// the normalised words of ANT, SaudiNewsNet and ANERcorp's training part, grouped by k-means
// (a fine level, and a coarse level over the fine centroids). Cluster ids of rare words are
// what lets the tagger generalise to names it never saw tagged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/ner/features.h"
#include "analyzers/ner/model.h"

namespace rasd::ner_train {

struct ClusterOptions {
  int dim = 64, epoch = 5, min_count = 10, fine = 512, coarse = 64, iterations = 15;
};

/// The clusters, keyed by word fingerprint (as the model file stores them).
class Clusters : public ner::ClusterLookup {
 public:
  std::vector<ner::ModelData::Cluster> entries;  // sorted by fingerprint, unique
  void index();
  bool find(std::string_view norm, std::uint16_t& coarse, std::uint16_t& fine) const override;

 private:
  std::unordered_map<std::uint32_t, std::pair<std::uint16_t, std::uint16_t>> map_;
};

/// The texts the vectors are learned from, one normalised text per line, written to `path`.
void write_unlabelled_corpus(const std::filesystem::path& corpora, const std::vector<std::string>& extra_texts,
                             const std::filesystem::path& path);

/// Trains the vectors on `corpus` (one thread, fixed seed: the same corpus gives the same
/// vectors) and clusters them. `words_out` receives "word<TAB>count<TAB>coarse<TAB>fine" lines.
Clusters learn_clusters(const std::filesystem::path& corpus, const ClusterOptions& o,
                        const std::filesystem::path& words_out);

/// Reads the word file learn_clusters() wrote.
Clusters read_clusters(const std::filesystem::path& words_file);

}  // namespace rasd::ner_train
