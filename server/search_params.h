// Turns the query parameters of GET /api/search into a SearchRequest, refusing pages past the
// deepest allowed result with a message that says why.
#pragma once

#include <cstdint>

#include "server/http_message.h"
#include "searcher/search.h"
#include "searcher/searcher.h"

namespace rasd::http {

inline constexpr std::uint32_t kMaxPageSize = 100;
inline constexpr std::uint32_t kDefaultPageSize = 10;

/// A search request plus the page it was asked as.
struct PagedSearch {
  SearchRequest request;
  std::uint32_t page = 1;
  std::uint32_t size = kDefaultPageSize;
};

/// Throws InvalidInput naming the parameter at fault.
PagedSearch parse_search(const HttpRequest& request, const QueryLimits& limits);

/// true for "true"/"1", false for "false"/"0" (already type-checked by the route table).
bool parse_bool(const std::string& value);

/// A number in [min, max], or InvalidInput naming `name`.
std::uint32_t parse_count(const std::string& name, const std::string& value, std::uint32_t min, std::uint32_t max);

}  // namespace rasd::http
