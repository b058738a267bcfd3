// The trec reader (and the checks every input gets) on any bytes: reports, warnings or skips,
// never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/clean.h"
#include "indexer/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rasd::Cleaner cleaner;
  rasd::ReadOptions options;
  options.format = rasd::Format::Trec;
  options.max_document_bytes = 64 * 1024;
  const rasd::InputFile file{"fuzz.trec", "fuzz.trec", size};
  const rasd::ReadOutcome out = rasd::read_reports(file, std::string(reinterpret_cast<const char*>(data), size), options, cleaner);
  for (const auto& r : out.reports) (void)r.id.size();
  return 0;
}
