#include "searcher/sequence_filter.h"

#include <algorithm>
#include <unordered_map>

#include "index/schema.h"

namespace rasd {
namespace {

/// Posts a fixed ascending list of docids.
class DocidSource : public Xapian::PostingSource {
 public:
  explicit DocidSource(SequenceIndex::Docids ids) : ids_(std::move(ids)) {}

  Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(ids_->size()); }
  Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
  Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
  void init(const Xapian::Database&) override { started_ = false, pos_ = 0; }
  void next(double) override {
    if (started_) ++pos_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    pos_ = static_cast<std::size_t>(std::lower_bound(ids_->begin() + static_cast<std::ptrdiff_t>(pos_), ids_->end(), did) -
                                    ids_->begin());
  }
  bool at_end() const override { return started_ && pos_ >= ids_->size(); }
  Xapian::docid get_docid() const override { return (*ids_)[pos_]; }
  Xapian::PostingSource* clone() const override { return new DocidSource(ids_); }

 private:
  SequenceIndex::Docids ids_;
  std::size_t pos_ = 0;
  bool started_ = false;
};

}  // namespace

SequenceIndex::Docids SequenceIndex::after(const Xapian::Database& db, std::uint64_t after) {
  if (!loaded_) {
    for (auto v = db.valuestream_begin(schema::kSequence); v != db.valuestream_end(schema::kSequence); ++v)
      by_sequence_.emplace_back(schema::sequence_from_value(*v), v.get_docid());
    std::sort(by_sequence_.begin(), by_sequence_.end());
    loaded_ = true;
  }
  if (last_ && last_after_ == after) return last_;
  const auto first = std::upper_bound(by_sequence_.begin(), by_sequence_.end(),
                                      std::make_pair(after, Xapian::docid(-1)));
  std::vector<Xapian::docid> ids;
  ids.reserve(static_cast<std::size_t>(by_sequence_.end() - first));
  for (auto it = first; it != by_sequence_.end(); ++it) ids.push_back(it->second);
  std::sort(ids.begin(), ids.end());
  last_after_ = after;
  last_ = std::make_shared<const std::vector<Xapian::docid>>(std::move(ids));
  return last_;
}

void SequenceIndex::clear() {
  by_sequence_.clear();
  loaded_ = false;
  last_.reset();
}

SequenceIndex::Docids ClusterIndex::members(const Xapian::Database& db, const std::string& key) {
  if (!loaded_) {
    std::unordered_map<std::string, std::vector<Xapian::docid>> lists;
    for (auto v = db.valuestream_begin(schema::kCluster); v != db.valuestream_end(schema::kCluster); ++v)
      if (!(*v).empty()) lists[*v].push_back(v.get_docid());  // ascending: the stream is in docid order
    for (auto& [k, ids] : lists)
      if (ids.size() > 1) members_.emplace(k, std::make_shared<const std::vector<Xapian::docid>>(std::move(ids)));
    loaded_ = true;
  }
  const auto it = members_.find(key);
  return it == members_.end() ? std::make_shared<const std::vector<Xapian::docid>>() : it->second;
}

void ClusterIndex::clear() {
  members_.clear();
  loaded_ = false;
}

Xapian::Query docid_query(SequenceIndex::Docids docids) {
  if (docids->empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query((new DocidSource(std::move(docids)))->release());
}

}  // namespace rasd
