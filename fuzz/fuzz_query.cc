// The query language's parser on any bytes: a tree or a typed error, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "error/error.h"
#include "searcher/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rasd::QueryLimits limits;
  try {
    const auto tree = rasd::query::parse(text, limits);
    if (tree) (void)rasd::query::describe(*tree);
  } catch (const rasd::Error&) {
    // refused with a message: the expected outcome for malformed queries
  }
  return 0;
}
