#include "index/id_term.h"

#include "index/hash.h"
#include "index/schema.h"

namespace rasd {
namespace {

constexpr std::size_t kMaxIdTermBytes = 200;  // Xapian terms stop at 245 bytes

}  // namespace

std::string cluster_term(const std::string& key) {
  if (key.size() <= kMaxIdTermBytes) return schema::term(schema::kClusterTerm, key);
  return schema::term(schema::kClusterTerm, key.substr(0, kMaxIdTermBytes - 17) + "#" + to_hex(hash64(key)));
}

std::string id_term(const std::string& id) {
  if (id.size() <= kMaxIdTermBytes) return schema::term(schema::kId, id);
  return schema::term(schema::kId, id.substr(0, kMaxIdTermBytes - 17) + "#" + to_hex(hash64(id)));
}

}  // namespace rasd
