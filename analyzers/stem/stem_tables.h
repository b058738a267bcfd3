// Fast look-up structures for the light stemmer's hot path: a cheap byte hash, an
// open-addressing map from words to numbers, and a bit filter that rejects most non-members
// before any map is touched.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace rasd::stem {

/// A fast, non-cryptographic hash of a short byte string (words are mostly under 16 bytes).
/// Reads whole 8- or 4-byte words (overlapping at the tail) rather than byte by byte.
inline std::uint64_t fast_hash(std::string_view s) noexcept {
  auto load8 = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return std::uint64_t{v};
  };
  const std::size_t n = s.size();
  const char* p = s.data();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xA24BAED4963EE407ull);
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ load8(p + i)) * 0xFF51AFD7ED558CCDull, h ^= h >> 32;
    h ^= load8(p + n - 8);  // the last 8 bytes, overlapping what the loop read
  } else if (n >= 4) {
    h ^= load4(p) | (load4(p + n - 4) << 32);
  } else if (n > 0) {
    h ^= std::uint64_t{static_cast<unsigned char>(p[0])} | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
         (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
  }
  // murmur3's finaliser: every output bit depends on every input bit (slots use the low bits).
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

/// Words (viewing storage that outlives the map) to 32-bit values, open addressing.
/// Built once, then only read: lookups are const and thread-safe.
class WordMap {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  /// Adds or overwrites `key`; the bytes must stay valid for the map's lifetime.
  void put(std::string_view key, std::uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    insert(key, value, fast_hash(key));
  }

  std::uint32_t get(std::string_view key) const noexcept {
    if (slots_.empty()) return kAbsent;
    const std::uint64_t h = fast_hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.data == nullptr) return kAbsent;
      if (s.hash == h && s.size == key.size() && std::memcmp(s.data, key.data(), key.size()) == 0) return s.value;
    }
  }

  bool contains(std::string_view key) const noexcept { return get(key) != kAbsent; }
  std::size_t size() const noexcept { return size_; }

  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.data) f(std::string_view(s.data, s.size), s.value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t value = 0;
  };

  void insert(std::string_view key, std::uint32_t value, std::uint64_t h) {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.data == nullptr) {
        s = {h, key.data(), static_cast<std::uint32_t>(key.size()), value};
        ++size_;
        return;
      }
      if (s.hash == h && s.size == key.size() && std::memcmp(s.data, key.data(), key.size()) == 0) {
        s.value = value;
        return;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.data) insert(std::string_view(s.data, s.size), s.value, s.hash);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

/// A one-hash bit filter: false means "certainly not a member"; true means "look it up".
class WordFilter {
 public:
  WordFilter() : bits_(kBits / 64, 0) {}
  void add(std::string_view w) {
    const std::uint64_t b = fast_hash(w) >> (64 - kLog2Bits);
    bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
  bool may_contain(std::string_view w) const noexcept {
    const std::uint64_t b = fast_hash(w) >> (64 - kLog2Bits);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }

 private:
  static constexpr unsigned kLog2Bits = 20;  // 128 KiB: a few thousand names, ~1% false hits
  static constexpr std::size_t kBits = std::size_t{1} << kLog2Bits;
  std::vector<std::uint64_t> bits_;
};

}  // namespace rasd::stem
