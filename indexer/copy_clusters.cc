#include "indexer/copy_clusters.h"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "indexer/copy_match.h"
#include "index/schema.h"
#include "index/hash.h"
#include "index/cluster.h"

namespace rasd {
namespace {

// An anchor shared by more of this run's documents than this is template wording the common
// table missed: the latest ones are compared (the cap keeps a pathological corpus linear).
constexpr std::size_t kMaxInRunPerAnchor = 512;

std::string json_text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string id_term_of(const Xapian::Document& doc) {
  const std::string prefix(schema::kId);
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(prefix);
  if (t == doc.termlist_end() || !(*t).starts_with(prefix)) return {};
  return *t;
}

}  // namespace

std::string anchor_term(std::uint32_t anchor) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string t(schema::kCopyAnchor);
  for (int shift = 28; shift >= 0; shift -= 4) t.push_back(kDigits[(anchor >> shift) & 0xF]);
  return t;
}

CopySignature stored_signature(const std::string& data, const Analyzer& analyzer, const CopySigner& signer) {
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) return {};
  const std::string text = json_text(j, "text");
  const std::vector<Token> tokens = analyzer.tokenize(text);
  CopySource src;
  const std::string source = json_text(j, "source");
  src.source = source;
  if (const std::string p = json_text(j, "published"); !p.empty()) src.published = p;
  src.text = text;
  src.tokens = &tokens;
  const auto span = [&](std::uint32_t s, std::uint32_t e) {
    return s < e && e <= text.size() ? std::string_view(text).substr(s, e - s) : std::string_view();
  };
  for (const char* list : {"entities", "dates"}) {
    auto it = j.find(list);
    if (it == j.end() || !it->is_array()) continue;
    for (const auto& m : *it) {
      if (json_text(m, "field") != "text") continue;
      const auto start = m.value("start", 0u), end = m.value("end", 0u);
      const bool date = std::string_view(list) == "dates";
      const std::string type = date ? "date" : json_text(m, "type");
      const std::string id = date ? json_text(m, "value") : json_text(m, "id");
      if (auto v = mention_value(type, id, span(start, end), m.value("adjective", false), start, end))
        src.mentions.push_back(*v);
    }
  }
  return signer.sign(src);
}

CopyClusters::CopyClusters(const std::string& index_dir, const Analyzer& analyzer)
    : analyzer_(analyzer), signer_(std::make_unique<CopySigner>(analyzer)) {
  try {
    if (is_cluster_file(index_dir)) {
      ClusterSnapshot snapshot = open_cluster_snapshot(index_dir);
      index_.emplace(std::move(snapshot.db));
      unseen_ = std::move(snapshot.failed);
    } else {
      index_.emplace(index_dir);
    }
    if (index_->get_doccount() == 0) index_.reset();
  } catch (const Xapian::DatabaseOpeningError&) {
    index_.reset();
  }
}

CopyClusters::~CopyClusters() = default;

std::uint32_t CopyClusters::root(std::uint32_t n) {
  while (nodes_[n].parent != n) {
    nodes_[n].parent = nodes_[nodes_[n].parent].parent;  // path halving
    n = nodes_[n].parent;
  }
  return n;
}

std::uint32_t CopyClusters::node_of_key(const std::string& key, std::uint64_t age, bool from_index) {
  if (auto it = node_by_key_.find(key); it != node_by_key_.end()) {
    Node& n = nodes_[it->second];
    n.age = std::min(n.age, age);
    return it->second;
  }
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({id, key, age, {}, from_index});
  node_by_key_.emplace(key, id);
  return id;
}

// The older cluster (lower age; ties by key) stays; the other's key is absorbed.
void CopyClusters::unite(std::uint32_t a, std::uint32_t b) {
  a = root(a);
  b = root(b);
  if (a == b) return;
  if (std::tie(nodes_[b].age, nodes_[b].key) < std::tie(nodes_[a].age, nodes_[a].key)) std::swap(a, b);
  Node& keep = nodes_[a];
  Node& gone = nodes_[b];
  gone.parent = a;
  absorbed_[gone.key] = keep.key;
  newly_absorbed_.push_back(gone.key);
  for (std::uint32_t e : gone.entries) keep.entries.push_back(e);
  gone.entries.clear();
  gone.entries.shrink_to_fit();
}

std::vector<std::uint32_t> CopyClusters::in_run(const CopySignature& sig, Kinship& kinship) const {
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t a : sig.anchors) {
    auto it = by_anchor_.find(a);
    if (it == by_anchor_.end()) continue;
    const auto& list = it->second;
    const std::size_t from = list.size() > kMaxInRunPerAnchor ? list.size() - kMaxInRunPerAnchor : 0;
    candidates.insert(candidates.end(), list.begin() + static_cast<std::ptrdiff_t>(from), list.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::uint32_t> nodes;
  for (std::uint32_t c : candidates) {
    if (surely_not_copies(sig, entries_[c].sig)) continue;
    const CopyEvidence e = compare_copies(sig, entries_[c].sig);
    if (!is_copy(e)) continue;
    if (e.exact) kinship = Kinship::ExactDuplicate;
    nodes.push_back(entries_[c].node);
  }
  return nodes;
}

const CopyClusters::Indexed& CopyClusters::indexed(Xapian::docid did) {
  if (auto it = indexed_.find(did); it != indexed_.end()) return it->second;
  const Xapian::Document doc = index_->get_document(did, Xapian::DOC_ASSUME_VALID);
  Indexed x;
  x.sig = stored_signature(doc.get_data(), analyzer_, *signer_);
  x.key = doc.get_value(schema::kCluster);
  x.sequence = schema::sequence_from_value(doc.get_value(schema::kSequence));
  x.id_term = id_term_of(doc);
  return indexed_.emplace(did, std::move(x)).first->second;
}

std::vector<std::uint32_t> CopyClusters::in_index(const std::string& id_term, const CopySignature& sig, Kinship& kinship) {
  std::vector<std::uint32_t> nodes;
  if (!index_) return nodes;
  std::vector<Xapian::docid> candidates;
  for (std::uint32_t a : sig.anchors) {
    const std::string term = anchor_term(a);
    std::size_t seen = 0;
    for (auto p = index_->postlist_begin(term); p != index_->postlist_end(term) && seen < kMaxCandidatesPerAnchor; ++p, ++seen)
      candidates.push_back(*p);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (Xapian::docid did : candidates) {
    const Indexed& x = indexed(did);
    // The document's own earlier version, and documents this run rewrote, are not the index's.
    if (x.id_term == id_term || written_.count(x.id_term) || x.key.empty()) continue;
    if (surely_not_copies(sig, x.sig)) continue;
    const CopyEvidence e = compare_copies(sig, x.sig);
    if (!is_copy(e)) continue;
    if (e.exact) kinship = Kinship::ExactDuplicate;
    nodes.push_back(node_of_key(x.key, x.sequence, true));
  }
  return nodes;
}

ClusterChoice CopyClusters::assign(const std::string& id, const std::string& id_term, const CopySignature& sig) {
  written_.insert(id_term);
  if (!sig.comparable()) return {id, Kinship::Unique};  // empty or caption-only: a cluster of its own
  Kinship kinship = Kinship::NearDuplicate;
  std::vector<std::uint32_t> matches = in_run(sig, kinship);
  try {
    const auto more = in_index(id_term, sig, kinship);
    matches.insert(matches.end(), more.begin(), more.end());
  } catch (const Xapian::DatabaseModifiedError&) {
    index_->reopen();  // the writer committed over the snapshot's revision: read the new one
    indexed_.clear();
    const auto more = in_index(id_term, sig, kinship);
    matches.insert(matches.end(), more.begin(), more.end());
  }
  std::uint32_t node;
  if (matches.empty()) {
    kinship = Kinship::Unique;
    node = node_of_key(id, next_age_++, false);
  } else {
    node = matches.front();
    for (std::uint32_t m : matches) unite(node, m);
    node = root(node);
  }
  const auto entry = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({sig, id_term, node, nodes_[node].key});
  nodes_[node].entries.push_back(entry);
  for (std::uint32_t a : sig.anchors) by_anchor_[a].push_back(entry);
  return {nodes_[node].key, kinship};
}

std::vector<ClusterFixup> CopyClusters::take_fixups() {
  std::vector<ClusterFixup> out;
  if (newly_absorbed_.empty()) return out;
  const auto final_key = [&](std::string key) {
    for (auto it = absorbed_.find(key); it != absorbed_.end(); it = absorbed_.find(key)) key = it->second;
    return key;
  };
  for (Entry& e : entries_) {
    std::string k = final_key(e.written_key);
    if (k == e.written_key) continue;
    e.written_key = k;
    out.push_back({e.id_term, std::move(k)});
  }
  // Index documents of a cluster absorbed now (the snapshot shows their keys as they were
  // when the run began), then those fixed before whose cluster merged again.
  if (index_)
    for (const std::string& key : newly_absorbed_) {
      auto n = node_by_key_.find(key);
      if (n == node_by_key_.end() || !nodes_[n->second].from_index) continue;
      const std::string term = cluster_term(key);
      for (auto p = index_->postlist_begin(term); p != index_->postlist_end(term); ++p) {
        const Indexed& x = indexed(*p);
        if (!written_.count(x.id_term)) index_keys_.try_emplace(x.id_term, key);
      }
    }
  for (auto& [id_term, key] : index_keys_) {
    std::string k = final_key(key);
    if (k == key) continue;
    key = k;
    out.push_back({id_term, std::move(k)});
  }
  newly_absorbed_.clear();
  return out;
}

}  // namespace rasd
