#include "searcher/facets.h"

#include <algorithm>

#include "index/schema.h"

namespace rasd {
namespace {

constexpr char kKeySeparator = '\x1f';

}  // namespace

std::uint32_t FacetCache::intern(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(std::string(s), id);
  return id;
}

void FacetCache::clear() {
  ids_.clear();
  names_.resize(1);
  cluster_ids_.clear();
  docs_.clear();
}

const DocFacets& FacetCache::get(const Xapian::Document& doc) {
  const Xapian::docid did = doc.get_docid();
  if (did >= docs_.size()) docs_.resize(did + 1);
  DocFacets& f = docs_[did];
  if (f.loaded) return f;
  const std::string keys = doc.get_value(schema::kFacets);
  for (std::string_view rest(keys); !rest.empty();) {
    const std::size_t end = std::min(rest.find(kKeySeparator), rest.size());
    if (end > 1) f.keys.push_back(intern(rest.substr(0, end)));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  const std::string published = doc.get_value(schema::kPublished);
  // Months are interned with a leading '#', which no facet type letter uses.
  if (published.size() >= 7) {
    std::string month(1, '#');
    month.append(published, 0, 7);
    f.month = intern(month);
  }
  const std::string cluster = doc.get_value(schema::kCluster);
  if (!cluster.empty())
    f.cluster = cluster_ids_.try_emplace(cluster, static_cast<std::uint32_t>(cluster_ids_.size() + 1)).first->second;
  f.loaded = true;
  return f;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const DocFacets& f = cache_.get(doc);
  if (collapse_ && f.cluster) {
    if (clusters_.size() <= f.cluster) clusters_.resize(cache_.clusters());
    if (clusters_[f.cluster]) return;
    clusters_[f.cluster] = true;
  }
  ++documents_;
  if (counts_.size() < cache_.names()) counts_.resize(cache_.names());
  for (std::uint32_t k : f.keys)
    if (counts_[k]++ == 0) touched_.push_back(k);
  if (months_ && f.month && counts_[f.month]++ == 0) touched_.push_back(f.month);
}

std::vector<std::pair<std::string, std::uint64_t>> FacetSpy::top(char letter, std::size_t limit) const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  if (letters_.find(letter) == std::string::npos) return out;
  // Ranked by interned id, so that only the values listed become strings.
  std::vector<std::uint32_t> ids;
  for (std::uint32_t id : touched_)
    if (cache_.name(id).front() == letter) ids.push_back(id);
  const auto order = [&](std::uint32_t a, std::uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : cache_.name(a) < cache_.name(b);
  };
  const auto end = ids.begin() + static_cast<std::ptrdiff_t>(std::min(limit, ids.size()));
  std::partial_sort(ids.begin(), end, ids.end(), order);
  for (auto it = ids.begin(); it != end; ++it) out.emplace_back(cache_.name(*it).substr(1), counts_[*it]);
  return out;
}

std::vector<std::pair<std::string, std::uint64_t>> FacetSpy::histogram() const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  if (!months_) return out;
  for (std::uint32_t id : touched_)
    if (cache_.name(id).front() == '#') out.emplace_back(cache_.name(id).substr(1), counts_[id]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rasd
