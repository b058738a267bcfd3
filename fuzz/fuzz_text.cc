// The normaliser and the tokenizer on any bytes: every token's span lies inside the input and
// spans never go backwards.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rasd::Normalizer normalizer;
  static const rasd::Tokenizer tokenizer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rasd::NormalizedText normalized = normalizer.normalize(text);
  std::size_t last = 0;
  for (const rasd::Token& t : tokenizer.tokenize(normalized)) {
    if (t.start > t.end || t.end > size || t.start < last) std::abort();
    last = t.start;
  }
  (void)normalizer.normalize_text(text);
  return 0;
}
