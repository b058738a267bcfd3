#include "server/metrics.h"

#include <filesystem>
#include <sstream>

namespace rasd::http {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render(const IndexFigures& index) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP rasd_http_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE rasd_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "rasd_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n << '\n';
  out << "# HELP rasd_http_request_duration_seconds Time to answer a request, by route.\n"
      << "# TYPE rasd_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string name = "rasd_http_request_duration_seconds";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out << name << "_bucket{route=\"" << route << "\",le=\"" << kBuckets[i] << "\"} " << h.buckets[i] << '\n';
    out << name << "_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count << '\n'
        << name << "_sum{route=\"" << route << "\"} " << h.sum << '\n'
        << name << "_count{route=\"" << route << "\"} " << h.count << '\n';
  }
  out << "# HELP rasd_index_documents Documents in the index.\n"
      << "# TYPE rasd_index_documents gauge\n"
      << "rasd_index_documents " << index.documents << '\n'
      << "# HELP rasd_index_size_bytes Bytes of the index files on disk.\n"
      << "# TYPE rasd_index_size_bytes gauge\n"
      << "rasd_index_size_bytes " << index.size_bytes << '\n';
  return out.str();
}

std::uint64_t directory_bytes(const std::string& dir) {
  std::error_code ec;
  std::uint64_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const auto size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

}  // namespace rasd::http
