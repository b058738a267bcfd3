// The analyzer the entity, date and name-form tests share: one analyzer without stemming.
#pragma once

#include "analyzers/analyzer.h"

namespace rasd::test {

/// An analyzer with stemming off (entities and dates do not depend on the stemmer).
inline const Analyzer& plain_analyzer() {
  static const Analyzer a({StemmerKind::None, ""});
  return a;
}

}  // namespace rasd::test
