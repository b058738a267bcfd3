// Helpers shared by the alerts tests: an in-memory index with the
// semantics the runner relies on (ingest sequence, after_sequence, near-duplicate collapse).
#pragma once

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "alerts/runner.h"
#include "tests/support/temp_dir.h"

namespace rasd::alerts::testing {

using rasd::test::read_lines;
using rasd::test::TempDir;


/// Documents with words, a near-duplicate cluster and an ingest sequence; a query matches a
/// document holding its one word. Re-adding an id replaces it with a new sequence, as the
/// indexer does.
class FakeIndex : public AlertIndex {
 public:
  struct Doc {
    std::string id, words, source, cluster;
    std::uint64_t sequence = 0;
  };

  void add(const std::string& id, const std::string& words, const std::string& source, const std::string& cluster = {}) {
    docs_.erase(id);
    docs_[id] = Doc{id, words, source, cluster.empty() ? id : cluster, ++sequence_};
  }
  void refresh() override {}
  std::uint64_t last_sequence() override { return sequence_; }

  SearchResult search(const SearchRequest& r) override {
    ++searches;
    std::vector<const Doc*> matches;
    for (const auto& [id, d] : docs_)
      if (d.sequence > r.after_sequence.value_or(0) && (" " + d.words + " ").find(" " + r.query + " ") != std::string::npos)
        matches.push_back(&d);
    std::map<std::string, Hit> by_cluster;  // first (lowest sequence) member stands for the cluster
    std::sort(matches.begin(), matches.end(), [](auto* a, auto* b) { return a->sequence < b->sequence; });
    std::vector<std::string> order;
    for (const Doc* d : matches) {
      auto it = by_cluster.find(d->cluster);
      if (it == by_cluster.end()) {
        Hit h;
        h.id = d->id;
        h.title = "title of " + d->id;
        h.source = d->source;
        h.sequence = d->sequence;
        h.published = "2026-11-01";
        by_cluster.emplace(d->cluster, h);
        order.push_back(d->cluster);
      } else {
        it->second.copy_list.push_back({d->id, d->source});
        ++it->second.copies;
      }
    }
    SearchResult out;
    out.total = order.size();
    for (std::size_t i = r.offset; i < order.size() && out.hits.size() < r.limit; ++i) out.hits.push_back(by_cluster[order[i]]);
    return out;
  }

  std::vector<std::string> copies_of(const std::string& id) override {
    const auto self = docs_.find(id);
    if (self == docs_.end()) return {};
    std::vector<const Doc*> members;
    for (const auto& [other, d] : docs_)
      if (other != id && d.cluster == self->second.cluster) members.push_back(&d);
    std::sort(members.begin(), members.end(), [](auto* a, auto* b) { return a->sequence < b->sequence; });
    std::vector<std::string> out;
    for (const Doc* d : members) out.push_back(d->id);
    return out;
  }

  int searches = 0;

 private:
  std::map<std::string, Doc> docs_;
  std::uint64_t sequence_ = 0;
};

}  // namespace rasd::alerts::testing
