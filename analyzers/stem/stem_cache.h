// A compact, read-only map from frequent word forms to their precomputed stem results, laid
// out for the light stemmer's hot path: 8-byte slots, and one arena holding each key next to
// its stem and alternatives, filled most frequent first so that common words share cache lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/stem/stem_tables.h"

namespace rasd::stem {

class StemCache {
 public:
  /// Reserves room for about `n` entries (must be called before the first add).
  void reserve(std::size_t n) {
    std::size_t size = 64;
    while (size * 2 < n * 3) size *= 2;  // load factor <= 2/3: fewer slot lines to miss on
    slots_.assign(size, Slot{});
    mask_ = size - 1;
  }

  /// Adds `form` -> (`stem`, `alts`); strings longer than 255 bytes are not cached.
  void add(std::string_view form, std::string_view stem, const std::vector<std::string>& alts) {
    if (form.size() > 255 || stem.size() > 255 || alts.size() > 255 || (count_ + 1) * 4 > slots_.size() * 3) return;
    for (const std::string& a : alts)
      if (a.size() > 255) return;
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    put_string(form);
    put_string(stem);
    arena_.push_back(static_cast<char>(alts.size()));
    for (const std::string& a : alts) put_string(a);
    const std::uint64_t h = fast_hash(form);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].offset == kEmpty) {
        slots_[i] = {static_cast<std::uint32_t>(h >> 32), offset};
        ++count_;
        return;
      }
    }
  }

  /// The entry of `form`, or nullptr. Read it with stem_of() and alts_of().
  const char* find(std::string_view form) const noexcept { return find(form, fast_hash(form)); }
  /// The same with `h` == fast_hash(form) computed by the caller (one hash for several tables).
  const char* find(std::string_view form, std::uint64_t h) const noexcept {
    if (slots_.empty()) return nullptr;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.offset == kEmpty) return nullptr;
      if (s.tag != tag) continue;
      const char* e = arena_.data() + s.offset;
      if (static_cast<unsigned char>(e[0]) == form.size() && std::string_view(e + 1, form.size()) == form) return e;
    }
  }

  static std::string_view stem_of(const char* entry) { return read(skip(entry)); }
  /// Calls f(alt) for each alternative stem of the entry.
  template <class F>
  static void alts_of(const char* entry, F&& f) {
    const char* p = skip(skip(entry));
    const auto n = static_cast<unsigned char>(*p++);
    for (unsigned k = 0; k < n; ++k) {
      f(read(p));
      p = skip(p);
    }
  }
  std::size_t size() const { return count_; }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t offset = kEmpty;
  };
  void put_string(std::string_view s) {
    arena_.push_back(static_cast<char>(s.size()));
    arena_.append(s);
  }
  static std::string_view read(const char* p) { return {p + 1, static_cast<unsigned char>(p[0])}; }
  static const char* skip(const char* p) { return p + 1 + static_cast<unsigned char>(p[0]); }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
  std::string arena_;
};

}  // namespace rasd::stem
