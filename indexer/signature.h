// Content signatures: a 64-bit hash of exact content and a 64-bit simhash over word shingles
// whose bands find near-duplicates (syndicated copies with small edits) with a term lookup.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/hash.h"

namespace rasd {

/// Simhash of the word 3-shingles of `words` (normalised surface forms); 0 for no words.
std::uint64_t simhash(const std::vector<std::string_view>& words);

/// Bands of a simhash: two signatures within kNearDuplicateDistance bits share at least one
/// (pigeonhole). 5 bands of 13 bits keep a band's documents few even in millions.
inline constexpr int kSimhashBands = 5;
inline constexpr int kNearDuplicateDistance = 4;

/// The bits of band `b` of `h`.
std::uint64_t simhash_band_bits(std::uint64_t h, int b);

/// Band `b` of `h` as a term value: the band digit and the band's bits in hex.
std::string simhash_band(std::uint64_t h, int b);

inline int hamming(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace rasd
