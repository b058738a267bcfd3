#include "analyzers/stop_words.h"

#include "analyzers/embedded.h"

namespace rasd {

WordSet load_stop_words() {
  WordSet set;
  add_lines(set, embedded_file("stopwords.txt"));
  return set;
}

}  // namespace rasd
