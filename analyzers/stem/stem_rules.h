// The light stemmer's rules as pure functions of a normalised word, the evidence (document
// frequencies) and the stemmer's data: names under proclitic chains, definite chains, bare
// proclitics on evidence, suffixes, and alternative stems at the same position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/stem/stem_data.h"
#include "analyzers/stem/stem_evidence.h"

namespace rasd::stem {

/// True for words made of 2-byte letters of the Arabic blocks (U+0600..U+06FF): only those are
/// stemmed; Latin, digits and mixed tokens pass through unchanged.
bool is_arabic_word(std::string_view w);

/// The rules over one StemData, which must outlive them.
class StemRules {
 public:
  explicit StemRules(const StemData& data) : data_(data) {}

  /// The stem of `w`; alternative stems at the same position go to `alts` when given.
  std::string stem(std::string_view w, const Evidence& ev, std::vector<std::string>* alts) const;

  /// Suffix stripping alone, with names and broken plurals checked between the steps; the
  /// result points into `s` or into the stemmer's data.
  std::string_view suffixes(std::string_view s, const Evidence& ev) const;

 private:
  std::string_view name(std::string_view w) const;
  std::string_view broken_singular(std::string_view w) const;
  std::string_view protected_core(std::string_view w, const Evidence& ev) const;
  std::string_view strip_bare(std::string_view w, const Evidence& ev) const;
  bool takes_article(std::string_view w, const Evidence& ev) const;
  std::string_view plural(std::string_view s, const Evidence& ev) const;
  std::string_view feminine_and_nisba(std::string_view s, const Evidence& ev) const;
  void add_alternatives(std::string_view core, const Evidence& ev, std::vector<std::string>& alts) const;

  const StemData& data_;
};

}  // namespace rasd::stem
