// The unique id term of a report: how the writer replaces a document and every reader finds it.
#pragma once

#include <string>

namespace rasd {

/// The id term of `id` (ids too long for a Xapian term are shortened with a hash).
std::string id_term(const std::string& id);

/// The XK term of copy cluster `key`: its members (long keys shortened as id terms are).
std::string cluster_term(const std::string& key);

}  // namespace rasd
