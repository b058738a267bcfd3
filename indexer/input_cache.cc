#include "indexer/input_cache.h"

namespace rasd {

FileRead InputCache::read(std::size_t i) const {
  FileRead fr;
  std::string bytes = read_input_bytes(files_[i]);
  fr.raw_bytes = bytes.size();
  ReadOutcome out = read_reports(files_[i], std::move(bytes), options_, cleaner_);
  fr.reports = std::make_shared<std::vector<Report>>(std::move(out.reports));
  fr.warnings = std::move(out.warnings);
  fr.skipped = std::move(out.skipped);
  fr.read = true;
  return fr;
}

std::shared_ptr<std::vector<Report>> InputCache::read_for_count(std::size_t i) {
  FileRead fr = read(i);
  std::uint64_t size = 0;
  for (const Report& r : *fr.reports) size += r.body.size() + r.title.size();
  auto reports = fr.reports;
  if (cached_.fetch_add(size) + size > cache_bytes_) fr.reports.reset();  // re-read in pass 2
  reads_[i] = std::move(fr);
  return reports;
}

FileRead InputCache::take(std::size_t i) {
  FileRead fr = std::move(reads_[i]);
  if (fr.reports) return fr;
  FileRead again = read(i);
  if (!fr.read) return again;  // not read in pass 1 (no pre-count): take everything
  fr.reports = std::move(again.reports);  // its issues were kept from pass 1
  return fr;
}

}  // namespace rasd
