#include "searcher/facets.h"

#include <algorithm>

#include "indexer/schema.h"

namespace rasd {
namespace {

constexpr char kKeySeparator = '\x1f';

void bump(std::unordered_map<std::string, std::uint64_t, StringViewHash, std::equal_to<>>& map, std::string_view key) {
  if (auto it = map.find(key); it != map.end())
    ++it->second;
  else
    map.emplace(std::string(key), 1);
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (collapse_) {
    const std::string cluster = doc.get_value(schema::kCluster);
    if (!cluster.empty() && !clusters_.insert(std::hash<std::string_view>{}(cluster)).second) return;
  }
  ++documents_;
  if (!letters_.empty()) {
    const std::string keys = doc.get_value(schema::kFacets);
    std::string_view rest(keys);
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(kKeySeparator), rest.size());
      const std::string_view key = rest.substr(0, end);
      const std::size_t slot = key.size() > 1 ? letters_.find(key.front()) : std::string::npos;
      if (slot != std::string::npos) bump(keys_[slot], key.substr(1));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  if (months_) {
    const std::string published = doc.get_value(schema::kPublished);
    if (published.size() >= 7) bump(month_counts_, std::string_view(published).substr(0, 7));
  }
}

std::vector<std::pair<std::string, std::uint64_t>> FacetSpy::top(char letter, std::size_t limit) const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  const std::size_t slot = letters_.find(letter);
  if (slot == std::string::npos) return out;
  out.assign(keys_[slot].begin(), keys_[slot].end());
  const auto order = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  if (out.size() > limit) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(), order);
    out.resize(limit);
  } else {
    std::sort(out.begin(), out.end(), order);
  }
  return out;
}

std::vector<std::pair<std::string, std::uint64_t>> FacetSpy::histogram() const {
  std::vector<std::pair<std::string, std::uint64_t>> out(month_counts_.begin(), month_counts_.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rasd
