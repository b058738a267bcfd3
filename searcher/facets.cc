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
  f.sequence = schema::sequence_from_value(doc.get_value(schema::kSequence));
  const std::string cluster = doc.get_value(schema::kCluster);
  if (!cluster.empty())
    f.cluster = cluster_ids_.try_emplace(cluster, static_cast<std::uint32_t>(cluster_ids_.size() + 1)).first->second;
  f.loaded = true;
  return f;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const DocFacets& f = cache_.get(doc);
  if (collapse_ && f.cluster) {
    if (chosen_.size() <= f.cluster) chosen_.resize(cache_.clusters());
    Xapian::docid& chosen = chosen_[f.cluster];
    if (chosen == 0 || f.sequence < cache_.loaded(chosen).sequence) chosen = doc.get_docid();
    return;
  }
  count(f);
}

void FacetSpy::finish() {
  for (Xapian::docid did : chosen_)
    if (did) count(cache_.loaded(did));
  chosen_.clear();
}

void FacetSpy::count(const DocFacets& f) {
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

RecordCounts::RecordCounts(const Xapian::ValueCountMatchSpy& spy, bool collapse) {
  struct Earliest {
    std::string sequence, month, keys;
  };
  std::unordered_map<std::string, Earliest> clusters;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    const std::string record = *v;
    // cluster key, sequence, month, keys: the key may hold anything, the rest no separator.
    const std::size_t c = record.rfind(schema::kRecordSeparator);
    const std::size_t b = c == std::string::npos || c == 0 ? std::string::npos : record.rfind(schema::kRecordSeparator, c - 1);
    const std::size_t a = b == std::string::npos || b == 0 ? std::string::npos : record.rfind(schema::kRecordSeparator, b - 1);
    if (a == std::string::npos) continue;  // not a record (a document written before schema 3)
    const std::string_view r(record);
    const std::string_view key = r.substr(0, a), sequence = r.substr(a + 1, b - a - 1), month = r.substr(b + 1, c - b - 1),
                           keys = r.substr(c + 1);
    if (!collapse || key.empty()) {
      count(month, keys, v.get_termfreq());
      continue;
    }
    auto [it, fresh] = clusters.try_emplace(std::string(key));
    if (fresh || sequence < it->second.sequence) it->second = {std::string(sequence), std::string(month), std::string(keys)};
  }
  for (const auto& [key, e] : clusters) count(e.month, e.keys, 1);
}

void RecordCounts::count(std::string_view month, std::string_view keys, std::uint64_t times) {
  documents_ += times;
  for (std::string_view rest(keys); !rest.empty();) {
    const std::size_t end = std::min(rest.find(kKeySeparator), rest.size());
    if (end > 1) counts_[std::string(rest.substr(0, end))] += times;
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  if (month.size() == 7) {
    std::string m(1, '#');
    m.append(month);
    counts_[m] += times;
  }
}

std::vector<std::pair<std::string, std::uint64_t>> RecordCounts::top(char letter, std::size_t limit) const {
  std::vector<std::pair<std::string_view, std::uint64_t>> found;
  for (const auto& [key, n] : counts_)
    if (key.front() == letter) found.emplace_back(std::string_view(key).substr(1), n);
  const auto order = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  const auto end = found.begin() + static_cast<std::ptrdiff_t>(std::min(limit, found.size()));
  std::partial_sort(found.begin(), end, found.end(), order);
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (auto it = found.begin(); it != end; ++it) out.emplace_back(std::string(it->first), it->second);
  return out;
}

std::vector<std::pair<std::string, std::uint64_t>> RecordCounts::histogram() const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (const auto& [key, n] : counts_)
    if (key.front() == '#') out.emplace_back(std::string(std::string_view(key).substr(1)), n);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rasd
