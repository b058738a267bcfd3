// A read-only map from words to small integers, probed with WordFilter's cheap hash and open
// addressing: the look-up the entity extractor makes for many words of every text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/name_forms.h"

namespace rasd {

class WordTable {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  WordTable() = default;
  /// words[i] maps to i; the words must be distinct.
  explicit WordTable(std::vector<std::string> words) : words_(std::move(words)) {
    std::size_t size = 16;
    while (size < words_.size() * 2) size *= 2;  // at most half full: short probe runs
    slots_.assign(size, Slot{});
    for (std::uint32_t i = 0; i < words_.size(); ++i) {
      const std::uint64_t h = WordFilter::mix(words_[i]);
      std::size_t at = h & (size - 1);
      while (slots_[at].index != kAbsent) at = (at + 1) & (size - 1);
      slots_[at] = Slot{h, i};
    }
  }

  /// The index of `word`, or kAbsent.
  std::uint32_t find(std::string_view word) const { return find(word, WordFilter::mix(word)); }
  /// The same, for a word whose WordFilter::mix() is `h`.
  std::uint32_t find(std::string_view word, std::uint64_t h) const {
    if (slots_.empty()) return kAbsent;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      const Slot& s = slots_[at];
      if (s.index == kAbsent) return kAbsent;
      if (s.hash == h && words_[s.index] == word) return s.index;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t index = kAbsent;
  };
  std::vector<std::string> words_;
  std::vector<Slot> slots_;
};

}  // namespace rasd
