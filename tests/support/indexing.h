// Building a test index in process as `rasd index` does, and collecting what the run reports.
#pragma once

#include <string>
#include <vector>

#include "indexer/indexing_run.h"

namespace rasd::test {

/// Collects what a run reports.
class Collector : public IndexObserver {
 public:
  void warning(const Issue& i) override { warnings.push_back(i); }
  void skipped(const Issue& i) override { skips.push_back(i); }
  void progress(const IndexProgress&) override {}
  std::vector<Issue> warnings, skips;
};

/// Indexes `paths` into `db` (created when missing) in process, as `rasd index` does.
inline IndexSummary index_paths(const std::string& db, const std::vector<std::string>& paths,
                                Collector* collector = nullptr, IndexOptions options = {}) {
  Collector local;
  options.threads = options.threads ? options.threads : 2;
  return index_into(db, list_inputs(paths), options, collector ? *collector : local);
}

}  // namespace rasd::test
