// The recognizer's inference: scores every token's tags with the model's weights over its
// features and the previous tag (a maximum-entropy Markov model), then finds the best tag
// sequence that respects BIO (an I- tag only continues its own type) with Viterbi, and reads
// off the mentions.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/ner/features.h"
#include "analyzers/ner/model.h"
#include "analyzers/token.h"
#include "analyzers/word_set.h"

namespace rasd::ner {

/// A mention the recognizer found: tokens [first, last] (indices), its type, and the
/// probability of its least certain tag.
struct Span {
  std::uint32_t first = 0, last = 0;
  EntityType type = EntityType::Person;
  float confidence = 0;
};

/// The summed weights of one word's attributes at each offset, computed once per word form.
struct WordScores {
  std::vector<std::int32_t> at;  // kOffsets x classes
};

/// Word scores already computed by one thread (not thread-safe: one per thread).
class TaggerMemo {
 public:
  static constexpr std::size_t kMaxWords = 1u << 18;  // bounds the memory (about 50 MB)
  const WordScores* find(std::string_view key) const {
    const auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  const WordScores& put(std::string key, WordScores s);

 private:
  std::unordered_map<std::string, WordScores, StringViewHash, std::equal_to<>> map_;
  WordScores overflow_;
};

class Tagger {
 public:
  Tagger(const Model& model, const FeatureExtractor& features);

  /// The mentions in `tokens` of `text`, given the gazetteer's `mentions` there (features),
  /// in text order; MISC mentions are left out.
  std::vector<Span> tag(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<EntityMention>& mentions, TaggerMemo* memo = nullptr) const;

  /// Each token's tag scores before the previous tag's weights are added (tokens x classes).
  std::vector<float> scores(std::string_view text, const std::vector<Token>& tokens,
                            const std::vector<EntityMention>& mentions, TaggerMemo* memo = nullptr) const;

 private:
  /// The tag probabilities of a token with `score`s after tag `prev` (k_: the text's start).
  void given_previous(const float* score, std::size_t prev, float* p) const;
  WordScores word_scores(std::string_view norm, bool stop) const;
  const Model& model_;
  const FeatureExtractor& features_;
  std::size_t k_;
  WordScores boundary_;
  std::vector<float> previous_;  // (classes + 1) x classes: the weights of the previous tag
  // The context keys' weights, looked up once: by gazetteer tag at offsets -1..1, and by gap
  // class before and after the token (features.h; the same sums as context_keys()).
  std::vector<std::int32_t> mention_weights_;  // 3 x kMentionTags x classes
  std::vector<std::int32_t> gap_weights_;      // 2 x 128 x classes
  std::vector<int> type_of_;     // class -> EntityType, or -1 for O and MISC
  std::vector<bool> begins_;     // class is a B- tag
  std::vector<int> continues_;   // class (I-X) -> its B-X class, or -1
};

}  // namespace rasd::ner
