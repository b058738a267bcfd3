#include "searcher/hit_cache.h"

#include <set>

#include <nlohmann/json.hpp>

#include "index/schema.h"

namespace rasd {
namespace {

constexpr char kSeparator = '\x1f';

std::string text_of(const nlohmann::json& data, const char* key) {
  const auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<EntityRef> entities_of(const nlohmann::json& data) {
  std::vector<EntityRef> out;
  const auto it = data.find("entities");
  if (it == data.end() || !it->is_array()) return out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const nlohmann::json& e : *it) {
    EntityRef r{text_of(e, "type"), text_of(e, "id"), text_of(e, "label_ar"), text_of(e, "label_en")};
    if (r.id.empty() || !seen.emplace(r.type, r.id).second) continue;
    out.push_back(std::move(r));
  }
  return out;
}

StoredFields parse(const Xapian::Document& doc) {
  StoredFields f;
  const nlohmann::json data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_object()) {
    f.parsed = true;
    f.id = text_of(data, "id");
    f.title = text_of(data, "title");
    f.source = text_of(data, "source");
    f.url = text_of(data, "url");
    f.published = text_of(data, "published");
    f.text = text_of(data, "text");
    f.entities = entities_of(data);
  }
  if (f.published.empty()) f.published = doc.get_value(schema::kPublished);
  f.sequence = schema::sequence_from_value(doc.get_value(schema::kSequence));
  return f;
}

std::string snippet_key(Xapian::docid did, const std::string& key) {
  std::string out(reinterpret_cast<const char*>(&did), sizeof did);
  return out.append(key);
}

}  // namespace

const StoredFields& HitCache::fields(const Xapian::Document& doc, Xapian::docid did) {
  if (auto it = docs_.find(did); it != docs_.end()) return it->second;
  if (docs_.size() >= max_docs_) clear();
  return docs_.emplace(did, parse(doc)).first->second;
}

const StoredFields* HitCache::find(Xapian::docid did) const {
  const auto it = docs_.find(did);
  return it == docs_.end() ? nullptr : &it->second;
}

const Snippet* HitCache::snippet(Xapian::docid did, const std::string& key) const {
  const auto it = snippets_.find(snippet_key(did, key));
  return it == snippets_.end() ? nullptr : &it->second;
}

void HitCache::put_snippet(Xapian::docid did, const std::string& key, const Snippet& snippet) {
  if (snippets_.size() >= 4 * max_docs_) snippets_.clear();
  snippets_.insert_or_assign(snippet_key(did, key), snippet);
}

const DocKey* HitCache::find_key(Xapian::docid did) const {
  const auto it = keys_.find(did);
  return it == keys_.end() ? nullptr : &it->second;
}

void HitCache::put_key(Xapian::docid did, DocKey key) {
  if (keys_.size() >= 16 * max_docs_) keys_.clear();  // ids are small: keep more of them
  keys_.insert_or_assign(did, std::move(key));
}

void HitCache::clear() {
  docs_.clear();
  snippets_.clear();
  keys_.clear();
}

std::string match_key(const MatchTerms& match) {
  std::string key;
  for (const auto* list : {&match.norms, &match.stems, &match.prefixes}) {
    for (const std::string& s : *list) key.append(s).push_back(kSeparator);
    key.push_back('\n');
  }
  return key;
}

}  // namespace rasd
