#include "indexer/near_duplicates.h"

#include "index/schema.h"
#include "indexer/signature.h"

namespace rasd {
namespace {

constexpr std::size_t kMaxCandidatesPerBand = 64;  // a crowded band says little; keep lookups cheap

std::uint64_t band_key(std::uint64_t simhash, int b) {
  return (static_cast<std::uint64_t>(b) << 32) | simhash_band_bits(simhash, b);
}

}  // namespace

ClusterFinder::ClusterFinder(const std::string& index_dir) {
  try {
    index_.emplace(index_dir);
    if (index_->get_doccount() == 0) index_.reset();
  } catch (const Xapian::DatabaseOpeningError&) {
    index_.reset();
  }
}

std::optional<ClusterChoice> ClusterFinder::in_run(std::uint64_t text_hash, std::uint64_t simhash) const {
  if (auto it = by_text_.find(text_hash); it != by_text_.end())
    return ClusterChoice{clusters_[it->second], Kinship::ExactDuplicate};
  if (simhash == 0) return std::nullopt;
  for (int b = 0; b < kSimhashBands; ++b) {
    auto it = by_band_.find(band_key(simhash, b));
    if (it == by_band_.end()) continue;
    for (const Entry& e : it->second)
      if (hamming(e.simhash, simhash) <= kNearDuplicateDistance)
        return ClusterChoice{clusters_[e.cluster], Kinship::NearDuplicate};  // the texts differ: by_text_ missed
  }
  return std::nullopt;
}

std::optional<ClusterChoice> ClusterFinder::in_index(std::uint64_t simhash) {
  if (!index_ || simhash == 0) return std::nullopt;
  for (int b = 0; b < kSimhashBands; ++b) {
    const std::string term = schema::term(schema::kSimhashBand, simhash_band(simhash, b));
    std::size_t seen = 0;
    for (auto p = index_->postlist_begin(term); p != index_->postlist_end(term) && seen < kMaxCandidatesPerBand;
         ++p, ++seen) {
      const Xapian::Document doc = index_->get_document(*p, Xapian::DOC_ASSUME_VALID);
      const std::string hex = doc.get_value(schema::kSimhash);
      if (hex.size() != 16) continue;
      const std::uint64_t other = std::stoull(hex, nullptr, 16);
      if (hamming(other, simhash) <= kNearDuplicateDistance)
        return ClusterChoice{doc.get_value(schema::kCluster), Kinship::NearDuplicate};  // or exact: not told apart
    }
  }
  return std::nullopt;
}

ClusterChoice ClusterFinder::assign(std::uint64_t text_hash, std::uint64_t simhash, const std::string& own_key) {
  std::optional<ClusterChoice> found = in_run(text_hash, simhash);
  if (!found) {
    try {
      found = in_index(simhash);
    } catch (const Xapian::DatabaseModifiedError&) {
      index_->reopen();
      found = in_index(simhash);
    }
  }
  ClusterChoice choice = found ? *found : ClusterChoice{own_key, Kinship::Unique};
  std::uint32_t idx = 0;
  if (found) {
    clusters_.push_back(choice.key);  // cheap: one string per document
  } else {
    clusters_.push_back(own_key);
  }
  idx = static_cast<std::uint32_t>(clusters_.size() - 1);
  by_text_.emplace(text_hash, idx);
  if (simhash != 0)
    for (int b = 0; b < kSimhashBands; ++b) by_band_[band_key(simhash, b)].push_back({simhash, idx});
  return choice;
}

}  // namespace rasd
