// Re-indexing in place: the index rebuilt from its own stored documents with this rasd's
// analyzer (when an upgrade changed it: VersionMismatch), into a folder beside it that is then
// exchanged for it in one step, while searches go on against the old one. Ingest sequences,
// content hashes and ids are kept, so saved alerts neither repeat nor miss a report.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace rasd {

struct ReindexOptions {
  std::string db_dir;
  std::string gazetteer_dir;      // extra gazetteer entries, as for rasd index
  unsigned threads = 0;           // analysis threads; 0: one per core
  std::size_t batch_size = 250;   // documents per commit of each part of the new index (as rasd index)
};

struct ReindexSummary {
  std::uint32_t documents = 0;
  std::string from_analyzer;  // recorded in the old index
  std::string to_analyzer;    // this rasd's
  double seconds = 0;
};

/// Called now and then with documents written and the total.
using ReindexProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Rebuilds the index at options.db_dir. Writers are kept out for the whole run (the index's
/// write lock is held: `rasd index` and ingest are refused with a message until it ends);
/// readers are not. Throws IndexError (a writer holds the index, a disk error) or NotFound.
ReindexSummary reindex(const ReindexOptions& options, const ReindexProgress& progress = {});

}  // namespace rasd
