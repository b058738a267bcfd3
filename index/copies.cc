#include "index/copies.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "index/id_term.h"
#include "index/schema.h"

namespace rasd {

std::vector<StoredCopy> stored_copies(const Xapian::Database& db, const std::string& id, std::size_t limit) {
  std::vector<StoredCopy> out;
  const std::string self = id_term(id);
  auto p = db.postlist_begin(self);
  if (p == db.postlist_end(self)) return out;
  const Xapian::docid self_did = *p;
  const std::string key = db.get_document(self_did).get_value(schema::kCluster);
  if (key.empty()) return out;
  const std::string term = cluster_term(key);
  for (auto m = db.postlist_begin(term); m != db.postlist_end(term) && out.size() < limit; ++m) {
    if (*m == self_did) continue;
    const nlohmann::json d = nlohmann::json::parse(db.get_document(*m).get_data(), nullptr, false);
    if (!d.is_object()) continue;  // unreadable stored data: not listed
    StoredCopy c;
    c.id = d.value("id", "");
    c.source = d.value("source", "");
    c.title = d.value("title", "");
    if (d.contains("published") && d["published"].is_string()) c.published = d["published"].get<std::string>();
    if (d.contains("seq") && d["seq"].is_number_unsigned()) c.sequence = d["seq"].get<std::uint64_t>();
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoredCopy& a, const StoredCopy& b) { return a.sequence < b.sequence; });
  return out;
}

nlohmann::json copies_json(const std::vector<StoredCopy>& copies) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoredCopy& c : copies)
    out.push_back({{"id", c.id}, {"source", c.source}, {"published", c.published}, {"title", c.title}});
  return out;
}

}  // namespace rasd
