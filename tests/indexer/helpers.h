// Shared helpers of the indexer tests: temporary folders and an in-process indexing run.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "indexer/clean.h"
#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "index/xapian_adapter.h"

namespace rasd::test {

/// A fresh folder under the temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rasd-idx-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string fixture(const std::string& rel) { return std::string(RASD_SOURCE_DIR) + "/fixtures/" + rel; }

/// Collects what a run reports.
class Collector : public IndexObserver {
 public:
  void warning(const Issue& i) override { warnings.push_back(i); }
  void skipped(const Issue& i) override { skips.push_back(i); }
  void progress(const IndexProgress&) override {}
  std::vector<Issue> warnings, skips;
};

/// Indexes `paths` into `db` in process, as `rasd index` does.
inline IndexSummary index_paths(const std::string& db, const std::vector<std::string>& paths,
                                Collector* collector = nullptr, IndexOptions options = {}) {
  Collector local;
  options.threads = options.threads ? options.threads : 2;
  return index_into(db, list_inputs(paths), options, collector ? *collector : local);
}

}  // namespace rasd::test
