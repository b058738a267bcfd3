#include "server/ingest.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "error/error.h"
#include "indexer/indexing_run.h"

namespace rasd::http {
namespace {

/// Collects what the run reports, for the response.
class Collector : public IndexObserver {
 public:
  explicit Collector(IngestSummary& summary) : summary_(summary) {}
  void warning(const Issue& issue) override { summary_.warnings.emplace_back(issue.where, issue.detail); }
  void skipped(const Issue& issue) override { summary_.skipped.emplace_back(issue.where, issue.detail); }
  void progress(const IndexProgress&) override {}

 private:
  IngestSummary& summary_;
};

/// The body as a temporary .jsonl file, so the indexer reads it like any input; removed on exit.
class TempInput {
 public:
  explicit TempInput(const std::string& body) {
    std::string pattern = (std::filesystem::temp_directory_path() / "rasd-ingest-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw IndexError("cannot create a temporary file for the upload");
    close(fd);
    path_ = pattern;
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) {
      std::remove(path_.c_str());
      throw IndexError("cannot write the upload to a temporary file");
    }
  }
  ~TempInput() { std::remove(path_.c_str()); }
  TempInput(const TempInput&) = delete;
  TempInput& operator=(const TempInput&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

IngestSummary ingest_jsonl(const std::string& db_dir, const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InvalidInput("the request body is empty: send JSON Lines, one report per line");
  TempInput input(body);
  IndexOptions options;
  options.read.format = Format::Jsonl;
  options.threads = 1;
  IngestSummary summary;
  Collector collector(summary);
  const InputFile file{input.path(), "upload.jsonl", body.size()};
  const IndexSummary run = index_into(db_dir, {file}, options, collector);  // committed
  summary.indexed = run.added + run.replaced + run.unchanged;
  return summary;
}

nlohmann::json to_json(const IngestSummary& summary) {
  const auto issues = [](const auto& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [where, why] : list) out.push_back({{"where", where}, {"detail", why}});
    return out;
  };
  return {{"indexed", summary.indexed}, {"skipped", issues(summary.skipped)}, {"warnings", issues(summary.warnings)}};
}

}  // namespace rasd::http
