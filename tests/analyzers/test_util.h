// Helpers shared by the analyzer tests: one analyzer without stemming, and lists joined into one
// string so that a failed comparison prints both lists whole.
#pragma once

#include <string>
#include <vector>

#include "analyzers/analyzer.h"

namespace rasd::testing {

/// An analyzer with stemming off (entities and dates do not depend on the stemmer).
inline const Analyzer& plain_analyzer() {
  static const Analyzer a({StemmerKind::None, ""});
  return a;
}

/// "a | b | c": one string, so that a failure prints the lists.
inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out;
}

}  // namespace rasd::testing
