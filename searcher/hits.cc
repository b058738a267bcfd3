#include "searcher/hits.h"

#include <unordered_map>
#include <unordered_set>

#include "analyzers/analyzer.h"
#include "index/id_term.h"
#include "index/schema.h"
#include "searcher/hit_cache.h"
#include "searcher/sequence_filter.h"
#include "searcher/snippets.h"

namespace rasd {
namespace {

constexpr Xapian::doccount kMaxCopiesListed = 20;

// The other matching members of the hit's near-duplicate cluster, earliest ingested first (not
// in docid order, which differs between one index and shards).
std::vector<Copy> copies_of(const std::string& cluster, Xapian::docid self, const HitContext& ctx, HitCache& cache) {
  std::vector<Copy> out;
  Xapian::Enquire enquire(ctx.db);
  const Xapian::Query same = ctx.clusters ? docid_query(ctx.clusters->members(ctx.db, cluster)) : Xapian::Query(cluster_term(cluster));
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ctx.plan.full(), same));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kSequence, false);
  const Xapian::MSet mset = enquire.get_mset(0, kMaxCopiesListed + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == self) continue;
    const StoredFields& f = cache.fields(it.get_document(), *it);
    if (f.parsed) out.push_back({f.id, f.source});
  }
  return out;
}

// The id from the document's Q term: no stored data to parse.
std::string id_from_terms(const Xapian::Document& doc) {
  const std::string prefix(schema::kId);
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(prefix);
  if (t == doc.termlist_end() || !(*t).starts_with(prefix)) return {};
  return (*t).substr(prefix.size());
}

// The id (and sequence) without the stored data, when the cache or the Q term has it (the
// document is fetched only for its terms). The termlist is read (and inflated) whole, so the
// answer is remembered.
bool fill_ids_only(Hit& h, const Xapian::MSetIterator& item, HitCache& cache) {
  const Xapian::docid did = *item;
  if (const DocKey* k = cache.find_key(did)) {
    h.id = k->id;
    h.sequence = k->sequence;
    return true;
  }
  const Xapian::Document doc = item.get_document();
  h.id = id_from_terms(doc);
  h.sequence = schema::sequence_from_value(doc.get_value(schema::kSequence));
  if (h.id.find('#') != std::string::npos) return false;  // '#': a hashed long id, read the data
  cache.put_key(did, {h.id, h.sequence});
  return true;
}

void fill_snippet(Hit& h, Xapian::docid did, const StoredFields& f, const HitContext& ctx, HitCache& cache) {
  if (const Snippet* s = cache.snippet(did, ctx.match_key)) {
    h.snippet = *s;
    return;
  }
  SnippetOptions options;
  options.stats = ctx.stats;
  h.snippet = make_snippet(f.text, ctx.plan.match, ctx.analyzer, options);
  cache.put_snippet(did, ctx.match_key, h.snippet);
}

}  // namespace

Hit make_hit(const Xapian::MSetIterator& item, std::uint32_t rank, const HitContext& ctx) {
  HitCache local(1);
  HitCache& cache = ctx.cache ? *ctx.cache : local;
  Hit h;
  h.rank = rank;
  h.score = item.get_weight();
  // A document read once is not fetched again (on shards each fetch is a round trip, and its
  // termlist another: there an ids-only hit reads the stored data the fetch brings anyway).
  const StoredFields* cached = cache.find(*item);
  if (ctx.ids_only && !cached && !ctx.shards && fill_ids_only(h, item, cache)) return h;
  {
    // The reference lives until the next cache call: copy out before copies_of().
    const StoredFields& f = cached ? *cached : cache.fields(item.get_document(), *item);
    h.id = f.id;
    h.sequence = f.sequence;
    if (ctx.ids_only) return h;
    h.title = f.title;
    h.source = f.source;
    h.url = f.url;
    h.published = f.published;
    h.entities = f.entities;
    if (ctx.snippets && f.parsed) fill_snippet(h, *item, f, ctx, cache);
  }
  // One index counts only the copies the match looked at: the copies are those of the cluster
  // that match, when the cluster has more than this one. Shards report no collapse count, and
  // their copies come for the whole page at once (attach_copies).
  if (ctx.collapsed && !ctx.shards) {
    const std::string key = item.get_collapse_key();
    if (!key.empty() && ctx.db.get_termfreq(cluster_term(key)) > 1) {
      h.copy_list = copies_of(key, *item, ctx, cache);
      if (!h.copy_list.empty()) h.copies = 1 + static_cast<std::uint32_t>(h.copy_list.size());
    }
  }
  return h;
}

void prefetch_unread(const Xapian::MSet& mset, const HitCache& cache) {
  if (mset.get_firstitem() != 0) return;  // Xapian 1.4 fetches outside such an MSet (a crash)
  for (auto it = mset.begin(); it != mset.end(); ++it)
    if (!cache.find(*it)) mset.fetch(it);
}

void attach_copies(std::vector<Hit>& hits, const std::vector<std::pair<std::string, Xapian::docid>>& keys,
                   const HitContext& ctx) {
  HitCache local(1);
  HitCache& cache = ctx.cache ? *ctx.cache : local;
  std::vector<Xapian::Query> terms;
  std::unordered_set<std::string> seen;
  for (const auto& [key, did] : keys)
    if (!key.empty() && seen.insert(key).second) terms.emplace_back(cluster_term(key));
  if (terms.empty()) return;
  // Every page cluster's matching members, earliest ingested first, at most one more than are
  // listed of each (the hit itself may be among them): what copies_of() finds for each hit.
  Xapian::Enquire enquire(ctx.db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ctx.plan.full(), Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kSequence, false);
  enquire.set_collapse_key(schema::kCluster, kMaxCopiesListed + 1);
  const auto per_cluster = static_cast<Xapian::doccount>(kMaxCopiesListed + 1);
  const Xapian::MSet mset = enquire.get_mset(0, per_cluster * static_cast<Xapian::doccount>(terms.size()));
  prefetch_unread(mset, cache);
  std::unordered_map<std::string, std::vector<Xapian::MSetIterator>> members;
  for (auto it = mset.begin(); it != mset.end(); ++it) members[it.get_collapse_key()].push_back(it);
  for (std::size_t i = 0; i < hits.size() && i < keys.size(); ++i) {
    const auto found = members.find(keys[i].first);
    if (found == members.end()) continue;
    Hit& h = hits[i];
    for (const Xapian::MSetIterator& m : found->second) {  // at most kMaxCopiesListed + 1 (collapse)
      if (*m == keys[i].second) continue;
      const StoredFields* cached = cache.find(*m);
      const StoredFields& f = cached ? *cached : cache.fields(m.get_document(), *m);
      if (f.parsed) h.copy_list.push_back({f.id, f.source});
    }
    if (!h.copy_list.empty()) h.copies = 1 + static_cast<std::uint32_t>(h.copy_list.size());
  }
}

}  // namespace rasd
