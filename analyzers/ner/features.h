// The features the mention recognizer reads for each token: attributes of the words in a window
// around it (normalised form, light stem, bare form, affixes, shape, word clusters, gazetteer
// word lists) and of its context (the gazetteer extractor's mentions, punctuation around it).
// One definition, shared by the trainer (tools/ner_train) and the tagger, so that a model is
// always read with the features it was trained on.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace rasd {

class Gazetteer;
class WordStemmer;

namespace ner {

/// Words either side of a token whose attributes count (the window is [-kWindow, kWindow]).
inline constexpr int kWindow = 2;
inline constexpr int kOffsets = 2 * kWindow + 1;

/// A 64-bit hash of an attribute: its kind (one letter) and value. FNV-1a over every byte,
/// then a final mix (the filters' WordFilter::mix reads only a word's ends: too weak here).
std::uint64_t attribute(char kind, std::string_view value);

/// The key of an attribute seen at `offset` words from the token being tagged.
inline std::uint64_t at_offset(std::uint64_t attr, int offset) {
  const std::uint64_t h = (attr ^ (static_cast<std::uint64_t>(offset + kWindow + 1) * 0x9E3779B97F4A7C15ULL)) *
                          0xFF51AFD7ED558CCDULL;
  return h ^ (h >> 31);
}

/// The feature of the previous token's tag (a maximum-entropy Markov model: the tagger weighs
/// each tag given each possible previous tag); "^" before the first token.
inline std::uint64_t previous_tag(std::string_view tag) { return attribute('T', tag); }

/// One word-level attribute and the offsets at which it counts (bit offset + kWindow).
struct WordAttribute {
  std::uint64_t attr = 0;
  std::uint8_t offsets = 0;
};

/// Word clusters learned from unlabelled news: a coarse and a fine cluster per known word.
class ClusterLookup {
 public:
  virtual ~ClusterLookup() = default;
  /// False when the word has no cluster (too rare in the news the clusters were learned from).
  virtual bool find(std::string_view norm, std::uint16_t& coarse, std::uint16_t& fine) const = 0;
};

/// Computes attributes; pure and thread-safe.
class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer& gazetteer, const WordStemmer& light_stemmer, const ClusterLookup* clusters)
      : gazetteer_(gazetteer), stemmer_(light_stemmer), clusters_(clusters) {}

  /// The attributes of one normalised word, wherever it stands (the same for every occurrence).
  void word_attributes(std::string_view norm, bool stop, std::vector<WordAttribute>& out) const;

  /// The context keys of token i (already combined with their offsets): the gazetteer
  /// extractor's mentions around it, punctuation and line breaks before and after it.
  /// `mention_tags[k]` is the tag of token k from the gazetteer mentions (mention_tags()).
  void context_keys(std::string_view text, const std::vector<Token>& tokens, const std::vector<std::uint8_t>& mention_tags,
                    std::size_t i, std::vector<std::uint64_t>& out) const;

  /// The attribute that stands for a position past either end of the text.
  static std::uint64_t boundary();

 private:
  const Gazetteer& gazetteer_;
  const WordStemmer& stemmer_;
  const ClusterLookup* clusters_;
};

/// The class of the text between two words as the recognizer reads it: j joined, s spaces, n
/// a line break (or a text's end), e a sentence's end, q a quote, b a bracket, c a comma or
/// colon, h a dash or slash, x anything else.
char gap_class(std::string_view gap);
inline constexpr std::string_view kGapClasses = "jsneqbchx";
/// The context key of a gazetteer tag (mention_tags()) at offset -1, 0 or 1, and of a gap class
/// before or after the token.
std::uint64_t mention_key(std::uint8_t tag, int offset);
std::uint64_t gap_key(char cls, bool before);
inline constexpr std::uint8_t kMentionTags = 26;  // 0 and 1 + (4 types x 3 kinds) x 2

/// Per token, what the gazetteer extractor says of it: 0 nothing, else a small code of the
/// mention's type, its kind (name, nisba adjective, title pattern) and B/I position.
std::vector<std::uint8_t> mention_tags(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions);

/// Every feature key of every token (word attributes at their offsets, then context keys), as
/// the trainer feeds them to the learner; the tagger sums the same weights faster (tagger.cc).
std::vector<std::vector<std::uint64_t>> token_features(const FeatureExtractor& fx, std::string_view text,
                                                       const std::vector<Token>& tokens,
                                                       const std::vector<EntityMention>& mentions);

}  // namespace ner
}  // namespace rasd
