// Publication-date bounds as the query language, the flags and the HTTP parameters take them
// ("YYYY", "YYYY-MM", "YYYY-MM-DD"), and the value-range query they become.
#pragma once

#include <string_view>

#include <xapian.h>

namespace rasd {

/// A value-range query on the publication date for "YYYY[-MM[-DD]]" bounds (either may be empty).
Xapian::Query date_range_query(std::string_view from, std::string_view to);

/// Checks a date bound "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool is_date_bound(std::string_view s);

}  // namespace rasd
