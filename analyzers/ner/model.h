// The trained mention recognizer's model (analyzers/data/ner_model.bin, written by
// tools/ner_train): tag names, per-class biases, word clusters and the weights of the features,
// read in place from the embedded file into open-addressing tables.
//
// File layout, little-endian:
//   "RASDNER1", u32 classes K, K x (u8 length, name bytes), f32 weight scale, f32 lowest
//   confidence of a reported mention, f32 bias[K],
//   f32 transition[K x K] (the score of tag j after tag i, added to the log probabilities),
//   u32 clusters C, C x (u32 word fingerprint, u16 coarse, u16 fine) sorted by fingerprint,
//   u32 features F, F x u32 key fingerprint sorted, then F x K x i16 weights (weight = q x scale).
// A fingerprint is the high 32 bits of the 64-bit key (features.h); the trainer leaves out keys
// whose fingerprints collide.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/ner/features.h"

namespace rasd::ner {

/// A table from 32-bit fingerprints to row numbers (open addressing, linear probing).
class FingerprintTable {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
  void build(const std::vector<std::uint32_t>& fingerprints);
  std::uint32_t find(std::uint32_t fp) const {
    if (slots_.empty()) return kAbsent;
    for (std::size_t i = mix(fp) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.row == kAbsent) return kAbsent;
      if (s.fp == fp) return s.row;
    }
  }

 private:
  struct Slot {
    std::uint32_t fp = 0, row = kAbsent;
  };
  static std::size_t mix(std::uint32_t fp) { return static_cast<std::size_t>(fp * 0x9E3779B1u); }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

inline std::uint32_t fingerprint(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }

/// A loaded model. Throws Error on a malformed file (its offset).
class Model : public ClusterLookup {
 public:
  /// Parses `bytes`, which must outlive the model (the embedded file does).
  explicit Model(std::string_view bytes);

  std::size_t classes() const { return names_.size(); }
  const std::string& class_name(std::size_t c) const { return names_[c]; }
  float bias(std::size_t c) const { return bias_[c]; }
  /// The score of tag `to` right after tag `from` (a weighted log probability of the pair).
  float transition(std::size_t from, std::size_t to) const { return transitions_[from * names_.size() + to]; }
  std::size_t features() const { return feature_count_; }
  std::size_t cluster_words() const { return cluster_count_; }

  /// The weights of feature `key` (classes() of them, to be scaled by scale()), or null.
  const std::int16_t* weights(std::uint64_t key) const {
    const std::uint32_t row = feature_table_.find(fingerprint(key));
    return row == FingerprintTable::kAbsent ? nullptr : weights_ + static_cast<std::size_t>(row) * names_.size();
  }
  float scale() const { return scale_; }
  /// Mentions whose least certain tag is less probable are not reported (chosen by the trainer).
  float min_confidence() const { return min_confidence_; }

  bool find(std::string_view norm, std::uint16_t& coarse, std::uint16_t& fine) const override;

 private:
  std::vector<std::string> names_;
  std::vector<float> bias_, transitions_;
  float scale_ = 0, min_confidence_ = 0;
  std::size_t feature_count_ = 0, cluster_count_ = 0;
  const unsigned char* clusters_ = nullptr;  // C x 8 bytes
  const std::int16_t* weights_ = nullptr;    // F x K
  FingerprintTable feature_table_, cluster_table_;
};

/// The bytes of a model file (what the trainer writes and Model reads).
struct ModelData {
  std::vector<std::string> classes;
  float scale = 0;
  float min_confidence = 0;
  std::vector<float> bias;
  std::vector<float> transitions;  // classes x classes; empty: all 0
  struct Cluster {
    std::uint32_t fingerprint;
    std::uint16_t coarse, fine;
  };
  std::vector<Cluster> clusters;  // sorted by fingerprint
  std::vector<std::uint32_t> keys;  // sorted
  std::vector<std::int16_t> weights;  // keys.size() x classes.size()
  std::string serialize() const;
};

}  // namespace rasd::ner
