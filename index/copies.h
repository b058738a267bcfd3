// The copies of a stored report: the other members of its copy cluster (XK term), as `rasd show`,
// the document page and alerts list them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

namespace rasd {

struct StoredCopy {
  std::string id, source, published, title;
  std::uint64_t sequence = 0;
};

/// The other documents in the copy cluster of document `id`, earliest ingest first, at most
/// `limit`; empty when it has no copies or no document has that id.
std::vector<StoredCopy> stored_copies(const Xapian::Database& db, const std::string& id, std::size_t limit = 100);

/// [{"id", "source", "published", "title"}, ...]: the "copies" of a document's JSON.
nlohmann::json copies_json(const std::vector<StoredCopy>& copies);

}  // namespace rasd
