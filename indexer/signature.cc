#include "indexer/signature.h"

#include <algorithm>
#include <cstring>

namespace rasd {
namespace {

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
constexpr int kBandBits = (64 + kSimhashBands - 1) / kSimhashBands;

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::uint64_t hash64(std::string_view data, std::uint64_t seed) {
  std::uint64_t h = seed ^ (data.size() * kMul);
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t k = 0;
    std::memcpy(&k, data.data() + i, 8);
    h = mix(h ^ k) + kMul;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, data.data() + i, data.size() - i);
  return mix(h ^ tail ^ (static_cast<std::uint64_t>(data.size() - i) << 56));
}

std::string to_hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return out;
}

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
