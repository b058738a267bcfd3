// The date extractor on any tokens of any bytes, with a publication date taken from the input:
// mentions inside the text, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/dates/dates.h"
#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rasd::Normalizer normalizer;
  static const rasd::Tokenizer tokenizer;
  static const rasd::DateExtractor dates;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first line, when short, is the publication date ("2023-05-17" or anything else).
  std::optional<std::string> published;
  if (const auto nl = text.find('\n'); nl != std::string_view::npos && nl <= 16) {
    published = std::string(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  const auto tokens = tokenizer.tokenize(normalizer.normalize(text));
  for (const rasd::DateMention& d : dates.extract(text, tokens, published))
    if (d.start > d.end || d.end > text.size()) std::abort();
  return 0;
}
