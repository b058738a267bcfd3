// rasd's light stemmer (ARABIC.md §2): clitics off, names safe, risky strips decided on
// corpus evidence. A pure function of the normalised word, the protected names and the stats.
#pragma once

#include <memory>

#include "analyzers/stem/stemmer.h"
#include "analyzers/word_set.h"

namespace rasd {

/// `protected_words` (normalised names the stemmer must not cut) must outlive the stemmer.
std::unique_ptr<WordStemmer> make_light_stemmer(const WordSet& protected_words);

}  // namespace rasd
