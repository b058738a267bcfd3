// Temporary: identity light stemmer and empty stop words until the stemmer work lands.
#include "analyzers/light_stemmer.h"
#include "analyzers/stop_words.h"

namespace rasd {
std::unique_ptr<WordStemmer> make_light_stemmer(const WordSet&) { return make_identity_stemmer(); }
WordSet load_stop_words() { return {}; }
}  // namespace rasd
