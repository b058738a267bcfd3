// Request counters and latency histograms of the server, rendered as Prometheus text.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace rasd::http {

/// Index figures a scrape reports beside the request metrics.
struct IndexFigures {
  std::uint64_t documents = 0;
  std::uint64_t size_bytes = 0;
};

class Metrics {
 public:
  /// Upper bounds (seconds) of the latency buckets.
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.02, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};

  /// Counts one answered request; `route` is the route name (never the raw path).
  void record(const std::string& route, int status, double seconds);

  /// The Prometheus text exposition (version 0.0.4).
  std::string render(const IndexFigures& index) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

/// Bytes of the files in an index directory (0 when unreadable).
std::uint64_t directory_bytes(const std::string& dir);

}  // namespace rasd::http
