#include "searcher/searcher.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error/error.h"
#include "index/cluster.h"
#include "index/copies.h"
#include "index/id_term.h"
#include "index/index_reader.h"
#include "index/schema.h"
#include "searcher/entity_catalog.h"
#include "searcher/facets.h"
#include "searcher/hit_cache.h"
#include "searcher/hits.h"
#include "searcher/search_plan.h"
#include "searcher/sequence_filter.h"

namespace rasd {
namespace {

// BM25 with b 0.75 (documents vary a lot in length) and k1 1.0; measured on ARCD by
// bench/arcd_eval.py (k1 0.9-1.2, b 0.5-0.9 all land within 0.01 MRR@10).
Xapian::BM25Weight bm25() { return Xapian::BM25Weight(1.0, 0, 1, 0.75, 0.5); }

// Ties go by kOrder (date, then ingest sequence), never by docid: shards number documents
// otherwise than one index does, and both must answer alike.
void set_order(Xapian::Enquire& enquire, const SearchRequest& request, bool has_text) {
  const Xapian::valueno by_date = schema::kOrder;
  if (request.sort == SortOrder::Sequence)
    enquire.set_sort_by_value(schema::kSequence, false);
  else if (request.sort == SortOrder::Date || !has_text)
    enquire.set_sort_by_value_then_relevance(by_date, true);
  else
    enquire.set_sort_by_relevance_then_value(by_date, true);
}

using Clock = std::chrono::steady_clock;

// The wall-time budget of one search (QueryLimits::max_search_ms). Xapian 1.4's
// Enquire::set_time_limit only stops counting past check_at_least, so each match also runs with
// this decider, which looks at the clock every 256 candidates and stops the match by throwing.
class Deadline : public Xapian::MatchDecider {
 public:
  Deadline(Clock::time_point at, std::uint32_t ms) : at_(at), ms_(ms) {}
  bool operator()(const Xapian::Document&) const override {
    if ((++calls_ & 255u) == 0) check();
    return true;
  }
  void check() const {
    if (ms_ != 0 && Clock::now() >= at_)
      throw SearchTimeout("the search ran past its time limit of " + std::to_string(ms_) +
                              " ms and was stopped; narrow it with a filter, a date range or fewer wildcards",
                          "max_search_ms");
  }
  const Xapian::MatchDecider* get() const { return ms_ ? this : nullptr; }
  void limit(Xapian::Enquire& enquire) const {
    if (!ms_) return;
    const double left = std::chrono::duration<double>(at_ - Clock::now()).count();
    enquire.set_time_limit(std::max(left, 0.001));
  }

 private:
  Clock::time_point at_;
  std::uint32_t ms_;
  mutable std::uint32_t calls_ = 0;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Searcher::Searcher(const std::string& db_dir, QueryLimits limits)
    : limits_(limits),
      dir_(db_dir),
      facet_cache_(std::make_unique<FacetCache>()),
      hit_cache_(std::make_unique<HitCache>()),
      sequences_(std::make_unique<SequenceIndex>()),
      clusters_(std::make_unique<ClusterIndex>()) {
  open_folder();
}

Searcher::~Searcher() = default;

// The identity is taken first: a folder exchanged while this opens is seen at the next reopen().
void Searcher::open_folder() {
  const FolderIdentity folder = folder_identity(dir_);
  auto index = std::make_unique<IndexReader>(dir_);
  remote_ = index->shards() != nullptr;
  auto analyzer = index->make_analyzer();
  auto catalog = std::make_unique<EntityCatalog>(index->db(), *analyzer);
  catalog_ = std::move(catalog);
  analyzer_ = std::move(analyzer);
  index_ = std::move(index);
  folder_ = folder;
  clear_caches();
}

void Searcher::clear_caches() {
  facet_cache_->clear();  // docids may now hold other documents
  hit_cache_->clear();
  sequences_->clear();
  clusters_->clear();
}

// The shards were connected again: docids may name other documents, and the catalog reads
// through the old connections.
void Searcher::shards_changed() {
  catalog_ = std::make_unique<EntityCatalog>(index_->db(), *analyzer_);
  clear_caches();
}

const Analyzer& Searcher::analyzer() const { return *analyzer_; }

std::uint64_t Searcher::document_count() { return index_->db().get_doccount(); }

// Xapian's reopen() reads the version file at the path again: after an exchange it would pair
// the new folder's version with the tables it holds open, so the folder is checked first (and
// after, in case the exchange fell in between).
bool Searcher::reopen() {
  if (remote_) {
    bool changed = index_->retry_due();
    try {
      changed = index_->db().reopen() || changed;
    } catch (const Xapian::NetworkError& e) {
      index_->server_failed(e.get_context());
      changed = true;
    }
    if (changed) shards_changed();
    return changed;
  }
  if (folder_identity(dir_) != folder_) {
    open_folder();
    return true;
  }
  const bool changed = index_->db().reopen();
  if (folder_identity(dir_) != folder_) {
    open_folder();
    return true;
  }
  if (changed) {
    catalog_->clear();
    clear_caches();
  }
  return changed;
}

std::uint64_t Searcher::last_sequence() { return index_->visible_sequence(); }

std::vector<std::string> Searcher::failed_shards() const { return index_->failed_shards(); }

nlohmann::json Searcher::document(const std::string& id) {
  const Xapian::Database& db = index_->db();
  const std::string term = id_term(id);  // long ids are hashed the indexer's way
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) throw NotFound("no document with id '" + id + "'");
  nlohmann::json data = nlohmann::json::parse(db.get_document(*p).get_data(), nullptr, false);
  if (data.is_discarded()) throw IndexError("the stored data of document '" + id + "' is not JSON");
  data["copies"] = copies_json(stored_copies(db, id));
  return data;
}

std::vector<StoredCopy> Searcher::copies(const std::string& id) { return stored_copies(index_->db(), id); }

std::vector<FacetValue> Searcher::entities(const std::string& type, const std::string& prefix, std::size_t limit) {
  const EntityKind* kind = find_entity_kind(type);
  if (!kind) throw InvalidInput("entity type '" + type + "' is not one of country, org, person, place, source");
  const Xapian::Database& db = index_->db();
  const std::string term_prefix(kind->prefix);
  const std::string norm = analyzer_->normalize(prefix), low = lower(prefix);
  std::vector<FacetValue> out;
  for (auto t = db.allterms_begin(term_prefix); t != db.allterms_end(term_prefix); ++t) {
    const std::string id = (*t).substr(term_prefix.size());
    const EntityLabels l = catalog_->labels(*kind, id);
    const bool hit = prefix.empty() || lower(id).starts_with(low) || analyzer_->normalize(l.label_ar).starts_with(norm) ||
                     lower(l.label_en).starts_with(low);
    if (hit) out.push_back({id, l.label_ar, l.label_en, t.get_termfreq()});
  }
  std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.id < b.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

SearchResult Searcher::search(const SearchRequest& request) {
  if (request.offset > limits_.max_offset)
    throw LimitExceeded("offset " + std::to_string(request.offset) + " is deeper than " + std::to_string(limits_.max_offset));
  if (request.limit > limits_.max_limit)
    throw LimitExceeded("limit " + std::to_string(request.limit) + " is more than " + std::to_string(limits_.max_limit));
  deadline_ = Clock::now() + std::chrono::milliseconds(limits_.max_search_ms);
  if (remote_) return search_shards(request);
  try {
    return run(request);
  } catch (const Xapian::DatabaseModifiedError&) {
    reopen();  // another process committed while we read: once more on the new revision
    return run(request);
  } catch (const Xapian::DatabaseError& e) {
    throw IndexError("cannot read the index at '" + index_->dir() + "': " + e.get_msg());
  }
}

// A shard that fails during the match (dead, or silent past the cluster's timeout) is left out
// or replaced by its next server, and the search runs again on what is left; the answer then
// says which shards are missing.
SearchResult Searcher::search_shards(const SearchRequest& request) {
  if (index_->retry_due()) shards_changed();
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResult result = run(request);
      result.failed_shards = index_->failed_shards();
      result.partial = !result.failed_shards.empty();
      return result;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 2) throw IndexError("the cluster in '" + index_->dir() + "' kept changing during the search; try again");
      index_->db().reopen();
      clear_caches();
    } catch (const Xapian::NetworkError& e) {
      if (attempt >= 2)
        throw IndexError("the shards of the cluster in '" + index_->dir() + "' keep failing: " + e.get_msg());
      index_->server_failed(e.get_context());  // throws IndexError when no shard answers
      shards_changed();
    } catch (const Xapian::DatabaseError& e) {
      throw IndexError("cannot read the cluster in '" + index_->dir() + "': " + e.get_msg());
    }
  }
}

SearchResult Searcher::run(const SearchRequest& request) {
  // Docid lists (PostingSources) do not travel to shards: on a cluster, value ranges instead.
  PlanContext ctx{*index_, *analyzer_, *catalog_, limits_, remote_ ? nullptr : sequences_.get(), deadline_};
  const WordMode mode = request.any_words ? WordMode::Any : WordMode::All;
  SearchPlan plan = make_plan(request, mode, ctx);
  SearchResult result = run_plan(request, plan);
  if (result.total == 0 && plan.relaxable && request.relax) {
    // Nothing has every word: rank what has some of them rather than show nothing.
    plan = make_plan(request, WordMode::Any, ctx);
    result = run_plan(request, plan);
    result.relaxed = true;
  }
  return result;
}

SearchResult Searcher::run_plan(const SearchRequest& request, const SearchPlan& plan) {
  const Xapian::Database& db = index_->db();
  const Xapian::doccount docs = db.get_doccount();
  Xapian::Enquire enquire(db);
  enquire.set_query(plan.full());
  enquire.set_weighting_scheme(bm25());
  if (request.collapse) enquire.set_collapse_key(schema::kCluster);
  set_order(enquire, request, plan.has_text);
  std::string letters;
  for (const EntityKind& kind : entity_kinds())
    if (!plan.filters_facet(kind.letter)) letters += kind.letter;
  // A MatchDecider does not travel to shards: there the time limit and the shards' timeout
  // bound the match, and the clock is read between its steps.
  const Deadline deadline(deadline_, limits_.max_search_ms);
  const Xapian::MatchDecider* decider = remote_ ? nullptr : deadline.get();
  if (remote_) deadline.limit(enquire);
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, request.offset + request.limit, nullptr, decider);
  deadline.check();
  std::unique_ptr<FacetCounts> counts;
  if (request.facets) counts = count_matches(plan.full(), letters, true, request.collapse);
  SearchResult result;
  result.total = mset.get_matches_estimated();
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  const std::string key = request.snippets && !request.ids_only ? match_key(plan.match) : std::string();
  const HitContext hctx{db,       *analyzer_,       &index_->stats(),  plan, request.snippets, request.collapse,
                        request.ids_only, hit_cache_.get(), key, remote_ ? nullptr : clusters_.get(), remote_};
  std::uint32_t rank = request.offset;
  if (remote_) prefetch_unread(mset, *hit_cache_);
  const bool page_copies = remote_ && request.collapse && !request.ids_only;  // shards: one match for the page
  std::vector<std::pair<std::string, Xapian::docid>> keys;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    result.hits.push_back(make_hit(it, ++rank, hctx));
    if (page_copies) keys.emplace_back(it.get_collapse_key(), *it);
    deadline.check();  // snippets and copies cost too
  }
  if (page_copies) attach_copies(result.hits, keys, hctx);
  if (!request.facets) return result;
  // The spy saw every match unless the cap stopped it; it counts a cluster once, as collapse
  // does, so its count is the exact total that Xapian only bounds when it collapses.
  result.facets_exact = docs <= limits_.max_facet_docs;
  if (result.facets_exact) {
    result.total = counts->documents();
    result.total_exact = true;
  }
  result.histogram = counts->histogram();
  for (char letter : letters) {
    const EntityKind& kind = *find_entity_kind(letter);
    auto& values = result.facets[std::string(kind.name)];
    for (auto& [id, n] : counts->top(letter, request.facet_limit)) {
      const EntityLabels l = catalog_->labels(kind, id);
      values.push_back({id, l.label_ar, l.label_en, n});
    }
  }
  count_facets(request, plan, result);
  return result;
}

// Counting visits every match; it runs apart with boolean weights (no BM25 to compute) and no
// collapse (clusters are counted once by the counts themselves), so the ranked page may stop
// early. One index counts with FacetSpy and its cache; shards with Xapian's stock spy.
std::unique_ptr<FacetCounts> Searcher::count_matches(const Xapian::Query& query, const std::string& letters, bool months,
                                                      bool collapse) {
  const Xapian::Database& db = index_->db();
  Xapian::Enquire counting(db);
  counting.set_query(query);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  const Deadline deadline(deadline_, limits_.max_search_ms);
  deadline.limit(counting);
  const Xapian::doccount check = std::min<Xapian::doccount>(db.get_doccount(), limits_.max_facet_docs);
  if (remote_) {
    Xapian::ValueCountMatchSpy records(schema::kFacetRecord);
    counting.add_matchspy(&records);
    counting.get_mset(0, 0, check);
    deadline.check();
    return std::make_unique<RecordCounts>(records, collapse);
  }
  auto spy = std::make_unique<FacetSpy>(*facet_cache_, letters, months, collapse);
  counting.add_matchspy(spy.get());
  counting.get_mset(0, 0, check, nullptr, deadline.get());
  deadline.check();
  spy->finish();
  return spy;
}

// Facets the request filters on are counted without their own filter, so that selecting one
// country still shows how many hits each other country would give.
void Searcher::count_facets(const SearchRequest& request, const SearchPlan& plan, SearchResult& result) {
  const Xapian::Database& db = index_->db();
  for (const auto& [letter, filter] : plan.facet_filters) {
    const auto counts = count_matches(plan.without(letter), std::string(1, letter), false, request.collapse);
    result.facets_exact = result.facets_exact && db.get_doccount() <= limits_.max_facet_docs;
    const EntityKind& kind = *find_entity_kind(letter);
    auto& values = result.facets[std::string(kind.name)];
    for (auto& [id, n] : counts->top(letter, request.facet_limit)) {
      const EntityLabels l = catalog_->labels(kind, id);
      values.push_back({id, l.label_ar, l.label_en, n});
    }
  }
}

}  // namespace rasd
