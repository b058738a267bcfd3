// The recognizer's learning: tokens of ANERcorp's training part with their gold BIO tags and
// their feature keys, fed to LIBLINEAR's L2-regularised logistic regression (one-vs-rest, as
// LIBLINEAR solves it), and the result quantised into the model file the tagger reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/ner/model.h"
#include "tools/ner_train/clusters.h"

namespace rasd::ner_train {

/// The tags the model learns, in the model file's order (MISC is learned so that the words of
/// works and events are not taken for the other types, and never reported).
const std::vector<std::string>& tag_names();

/// One chunk of training text: per token, its feature keys and its tag (index in tag_names()).
struct Example {
  std::vector<std::vector<std::uint64_t>> features;
  std::vector<int> tags;
};

struct TrainOptions {
  double C = 1;           // inverse regularisation strength (chosen by cross-validation)
  int min_count = 2;      // features seen fewer times in the training data are left out
  double prune = 0.002;   // features whose largest weight is smaller are left out of the file
  double eps = 0.1;       // LIBLINEAR's stopping tolerance
  // Decoding (chosen by cross-validation: a tag-pair prior of weight 0.5 or 1 lost recall, so 0;
  // an O penalty of 0.5 and a lowest confidence of 0.5 trade evenly, 2 lost precision)
  double transition = 0;        // weight of the tag-pair log probabilities
  double o_penalty = 0.5;       // subtracted from the log probability of O (recall over precision)
  double min_confidence = 0.5;  // recognizer mentions less sure than this are not reported
};

/// Trains on `examples` and returns the model file's content. `clusters` go into the file.
ner::ModelData train(const std::vector<const Example*>& examples, const Clusters& clusters, const TrainOptions& o);

}  // namespace rasd::ner_train
