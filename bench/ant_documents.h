// The first N ANT articles read, cleaned and built into rasd's Xapian documents (stored data
// set), as `rasd index` builds them: the input of the write and size probes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <vector>

#include <xapian.h>

#include "bench/ant_corpus.h"
#include "indexer/clean.h"
#include "indexer/document_builder.h"
#include "indexer/input.h"
#include "indexer/readers.h"

namespace rasd::bench {

/// Up to `limit` documents from the ANT files in name order; `text_bytes`, when given, receives
/// the title and body bytes of the reports built.
inline std::vector<Xapian::Document> build_ant_documents(const DocumentBuilder& builder, std::size_t limit,
                                                         std::uintmax_t* text_bytes = nullptr) {
  const auto dir = corpora_dir() / "ant-multisource" / "docs";
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  const Cleaner cleaner;
  std::vector<Xapian::Document> built;
  for (const auto& p : paths) {
    if (built.size() >= limit) break;
    InputFile f{p.string(), p.filename().string(), std::filesystem::file_size(p)};
    auto out = read_reports(f, read_input_bytes(f), {}, cleaner);
    for (auto& r : out.reports) {
      if (built.size() >= limit) break;
      if (text_bytes) *text_bytes += r.title.size() + r.body.size();
      BuiltDocument b = builder.build(std::move(r), nullptr);
      b.doc.set_data(b.data);
      built.push_back(std::move(b.doc));
    }
  }
  return built;
}

}  // namespace rasd::bench
