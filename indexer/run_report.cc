#include "indexer/run_report.h"

namespace rasd {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressEvery = std::chrono::milliseconds(200);

}  // namespace

RunReport::RunReport(IndexObserver& observer, std::size_t files, std::uint64_t disk_bytes_total)
    : observer_(observer), start_(Clock::now()), disk_bytes_total_(disk_bytes_total) {
  summary_.files = files;
}

double RunReport::seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

IndexProgress RunReport::progress_now(const std::string& stage) const {
  return {docs_done_, docs_total_, bytes_done_, disk_bytes_done_, disk_bytes_total_, seconds(), stage};
}

void RunReport::file_taken(const FileRead& read, std::uint64_t disk_bytes) {
  std::lock_guard lock(mutex_);
  for (const Issue& w : read.warnings) observer_.warning(w);
  for (const Issue& s : read.skipped) {
    observer_.skipped(s);
    ++summary_.skipped[s.reason];
  }
  summary_.warnings += read.warnings.size();
  disk_bytes_done_ += disk_bytes;
  bytes_done_ += read.raw_bytes;
}

void RunReport::written(const WriteResult& r, bool dateline) {
  std::lock_guard lock(mutex_);
  ++docs_done_;
  if (dateline && r.action != WriteResult::Action::Unchanged) ++summary_.datelines;
  switch (r.action) {
    case WriteResult::Action::Added: ++summary_.added; break;
    case WriteResult::Action::Replaced: ++summary_.replaced; break;
    case WriteResult::Action::Unchanged: ++summary_.unchanged; break;
  }
  if (r.kinship == Kinship::ExactDuplicate) ++summary_.exact_duplicates;
  if (r.kinship == Kinship::NearDuplicate) ++summary_.near_duplicates;
  const auto now = Clock::now();
  if (now - last_progress_ < kProgressEvery) return;
  last_progress_ = now;
  observer_.progress(progress_now({}));
}

void RunReport::done(const std::string& stage) {
  std::lock_guard lock(mutex_);
  last_progress_ = Clock::now();
  observer_.progress(progress_now(stage));
}

void RunReport::merged_older(std::size_t older) {
  std::lock_guard lock(mutex_);
  summary_.added -= older;  // two parts added the same id: the newer copy replaced the older
  summary_.replaced += older;
}

void RunReport::set_parts(unsigned parts) {
  std::lock_guard lock(mutex_);
  summary_.parts = parts;
}

IndexSummary RunReport::finish() {
  std::lock_guard lock(mutex_);
  summary_.seconds = seconds();
  summary_.bytes = bytes_done_;
  return summary_;
}

}  // namespace rasd
