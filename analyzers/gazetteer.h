// Known names: countries, organisations, persons and places, with aliases and labels.
// Built from the data files compiled in (analyzers/data) plus an optional analyst directory.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyzers/word_set.h"

namespace rasd {

class Gazetteer {
 public:
  /// The built-in gazetteer, extended or overridden by the files in `extra_dir` (may be empty).
  static std::unique_ptr<Gazetteer> load(const std::string& extra_dir);
  virtual ~Gazetteer() = default;

  /// Normalised single words that are names and must not be cut by the stemmer
  /// (country and city names, person name parts, one-word organisations and acronyms).
  virtual const WordSet& protected_words() const = 0;

  /// A digest of the loaded entries: part of the analyzer name, so an index built with one
  /// watch list is not searched with another.
  virtual std::string fingerprint() const = 0;
};

}  // namespace rasd
