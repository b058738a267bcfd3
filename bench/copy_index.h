// The copy clusters an index holds, for build/copy_eval: a document's cluster, two indexes'
// partitions compared, and the chain of copies that made one cluster.
#pragma once

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/analyzer.h"
#include "index/id_term.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"
#include "indexer/copy_clusters.h"
#include "indexer/copy_match.h"
#include "indexer/copy_signature.h"

namespace rasd::bench {

inline std::string cluster_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::term(schema::kId, id);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return {};
  return db.get_document(*p).get_value(schema::kCluster);
}

// id -> cluster of every document of an index.
inline std::map<std::string, std::string> clusters(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<std::string, std::string> out;
  const std::string prefix(schema::kId);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    out[(*t).substr(prefix.size())] = db.get_document(*p).get_value(schema::kCluster);
  }
  return out;
}

// Two indexes hold the same clusters when every document's fellow members agree.
inline int partition(const std::string& a, const std::string& b) {
  const auto ca = clusters(a), cb = clusters(b);
  std::map<std::string, std::set<std::string>> ma, mb;
  for (const auto& [id, c] : ca) ma[c].insert(id);
  for (const auto& [id, c] : cb) mb[c].insert(id);
  std::size_t differ = 0, multi = 0, only = 0;
  for (const auto& [id, c] : ca) {
    auto it = cb.find(id);
    if (it == cb.end()) {
      ++only;
      continue;
    }
    if (ma[c].size() > 1) ++multi;
    if (ma[c] != mb[it->second]) {
      if (++differ <= 10) {
        std::printf("differs: %s: %zu members in %s, %zu in %s\n", id.c_str(), ma[c].size(), a.c_str(),
                    mb[it->second].size(), b.c_str());
      }
    }
  }
  std::printf("%zu documents (%zu in clusters of 2 or more, %zu clusters of 2 or more); %zu in one index only; "
              "%zu whose cluster differs\n",
              ca.size(), multi, static_cast<std::size_t>(std::count_if(ma.begin(), ma.end(), [](const auto& kv) { return kv.second.size() > 1; })),
              only, differ);
  return differ || only ? 1 : 0;
}

// The members of one cluster of an index, and which of them the detector calls copies of which:
// the chain that brought them together.
inline int explain_cluster(const std::string& dir, const std::string& key) {
  Xapian::Database db(dir);
  const auto analyzer = make_analyzer({StemmerKind::Light, ""});
  const CopySigner signer(*analyzer);
  const std::string term = cluster_term(key);
  struct Member {
    std::string id, title, source, published;
    CopySignature sig;
  };
  std::vector<Member> members;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    const auto j = nlohmann::json::parse(doc.get_data());
    members.push_back({j.value("id", ""), j.value("title", ""), j.value("source", ""),
                       j["published"].is_string() ? j["published"].get<std::string>() : "",
                       stored_signature(doc.get_data(), *analyzer, signer)});
  }
  std::printf("%zu members\n", members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    std::printf("%zu %s %s %s (%u words) %s\n   copy of:", i, m.id.c_str(), m.source.c_str(), m.published.c_str(), m.sig.words,
                m.title.c_str());
    for (std::size_t k = 0; k < members.size(); ++k) {
      if (k == i) continue;
      const CopyEvidence e = compare_copies(m.sig, members[k].sig);
      if (is_copy(e)) std::printf(" %zu(%.2f)", k, e.weighted);
    }
    std::printf("\n");
  }
  return 0;
}

}  // namespace rasd::bench
