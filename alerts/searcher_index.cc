// The runner's view of a real index (kept apart so the runner builds without the searcher).
#include "alerts/runner.h"
#include "searcher/searcher.h"

namespace rasd::alerts {

void SearcherIndex::refresh() { searcher_.reopen(); }
std::uint64_t SearcherIndex::last_sequence() { return searcher_.last_sequence(); }
SearchResult SearcherIndex::search(const SearchRequest& request) { return searcher_.search(request); }
std::vector<std::string> SearcherIndex::copies_of(const std::string& id) {
  std::vector<std::string> ids;
  for (const StoredCopy& c : searcher_.copies(id)) ids.push_back(c.id);
  return ids;
}

}  // namespace rasd::alerts
