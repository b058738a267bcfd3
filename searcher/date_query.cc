#include "searcher/date_query.h"

#include "index/schema.h"

namespace rasd {

bool is_date_bound(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() >= 7 && (s[4] != '-' || !digits(5, 2))) return false;
  if (s.size() == 10 && (s[7] != '-' || !digits(8, 2))) return false;
  return true;
}

Xapian::Query date_range_query(std::string_view from, std::string_view to) {
  // Dates are stored "YYYY-MM-DD[...]" and compare as strings; '~' sorts after every such
  // suffix, so an upper bound "2021-11" covers the whole month. Undated documents ("") sort
  // below "0" and never match a range.
  const std::string lo = from.empty() ? std::string("0") : std::string(from);
  if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kPublished, lo);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPublished, lo, std::string(to) + "~");
}

}  // namespace rasd
