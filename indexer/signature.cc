#include "indexer/signature.h"

#include <algorithm>

namespace rasd {
namespace {

constexpr int kBandBits = (64 + kSimhashBands - 1) / kSimhashBands;

}  // namespace

std::uint64_t simhash(const std::vector<std::string_view>& words) {
  if (words.empty()) return 0;
  std::array<std::uint32_t, 64> ones{};
  // Shingles of three words: robust to a changed word, sensitive to reordered sentences.
  const std::size_t n = words.size() >= 3 ? words.size() - 2 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = hash64(words[i]);
    for (std::size_t k = 1; k < 3 && i + k < words.size(); ++k) h = hash64(words[i + k], h);
    for (std::size_t b = 0; b < 64; ++b) ones[b] += static_cast<std::uint32_t>((h >> b) & 1);  // vectorises
  }
  std::uint64_t out = 0;
  for (std::size_t b = 0; b < 64; ++b)
    if (2 * ones[b] > n) out |= 1ull << b;
  return out;
}

std::uint64_t simhash_band_bits(std::uint64_t h, int b) {
  const int shift = b * kBandBits;
  const int width = std::min(kBandBits, 64 - shift);
  return (h >> shift) & ((1ull << width) - 1);
}

std::string simhash_band(std::uint64_t h, int b) {
  std::string out = std::to_string(b);
  out += to_hex(simhash_band_bits(h, b)).substr(12);  // 13 bits fit in 4 hex digits
  return out;
}

}  // namespace rasd
