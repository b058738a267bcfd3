// The corpus evidence the light stemmer weighs before a risky strip (ARABIC.md §2.3).
#pragma once

#include <cstdint>
#include <string_view>

namespace rasd {

/// Document frequencies of normalised surface forms. The indexer implements this over the
/// index (plus the batch being indexed); with none, the stemmer falls back to rules + gazetteer.
class TermStats {
 public:
  virtual ~TermStats() = default;
  /// How many documents contain the normalised surface form `norm` (0 when unseen).
  virtual std::uint32_t doc_freq(std::string_view norm) const = 0;
  /// How many documents the statistics cover (0 for an empty index).
  virtual std::uint32_t doc_count() const = 0;
};

}  // namespace rasd
