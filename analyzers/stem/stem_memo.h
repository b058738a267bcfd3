// Stems already computed by one thread under one set of statistics: an indexing run stems the
// same few hundred thousand word forms millions of times, each time with several frequency
// look-ups, while a memo answers with one.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzers/stem/stemmer.h"
#include "analyzers/word_set.h"

namespace rasd {

/// Not thread-safe: one per thread, and only while the statistics it was filled under hold.
class StemMemo {
 public:
  static constexpr std::size_t kMaxForms = 1u << 19;  // bounds the memory (about 64 MB)

  const StemResult* find(std::string_view norm) const {
    const auto it = map_.find(norm);
    return it == map_.end() ? nullptr : &it->second;
  }
  void put(std::string_view norm, const StemResult& result) {
    if (map_.size() < kMaxForms) map_.emplace(std::string(norm), result);
  }

 private:
  std::unordered_map<std::string, StemResult, StringViewHash, std::equal_to<>> map_;
};

}  // namespace rasd
