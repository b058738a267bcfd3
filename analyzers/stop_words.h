// Stop words: Lucene's Arabic list, normalised, plus their clitic forms.
#pragma once

#include "analyzers/word_set.h"

namespace rasd {

/// The stop-word set, normalised (built from analyzers/data/stopwords.txt).
WordSet load_stop_words();

}  // namespace rasd
