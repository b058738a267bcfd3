// The analyzer the entity, date and name-form tests share: one analyzer without stemming.
#pragma once

#include "analyzers/analyzer.h"

namespace rasd::test {

/// An analyzer with stemming off (entities and dates do not depend on the stemmer) and without
/// the recognizer: the gazetteer's rules and the date rules alone (ner_test.cc tests the
/// recognizer).
inline const Analyzer& plain_analyzer() {
  static const Analyzer a({StemmerKind::None, "", Recognizer::None});
  return a;
}

}  // namespace rasd::test
