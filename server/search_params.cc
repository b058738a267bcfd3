#include "server/search_params.h"

#include <charconv>

#include "error/error.h"

namespace rasd::http {
namespace {

// "a,b" and repeated parameters both add filters.
void add_list(const HttpRequest& request, const std::string& name, std::vector<std::string>& out) {
  for (const std::string& value : request.all(name)) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::size_t end = comma == std::string::npos ? value.size() : comma;
      if (end > start) out.push_back(value.substr(start, end - start));
      start = end + 1;
    }
  }
}

std::optional<std::string> single(const HttpRequest& request, const std::string& name) {
  const auto values = request.all(name);
  if (values.empty() || values.front().empty()) return std::nullopt;
  return values.front();
}

}  // namespace

bool parse_bool(const std::string& value) { return value == "true" || value == "1"; }

std::uint32_t parse_count(const std::string& name, const std::string& value, std::uint32_t min, std::uint32_t max) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n < min || n > max)
    throw InvalidInput("parameter '" + name + "' must be a whole number from " + std::to_string(min) + " to " +
                       std::to_string(max) + ", not '" + value + "'");
  return static_cast<std::uint32_t>(n);
}

PagedSearch parse_search(const HttpRequest& request, const QueryLimits& limits) {
  PagedSearch out;
  SearchRequest& r = out.request;
  r.query = single(request, "q").value_or("");
  add_list(request, "country", r.countries);
  add_list(request, "org", r.orgs);
  add_list(request, "person", r.persons);
  add_list(request, "place", r.places);
  add_list(request, "source", r.sources);
  r.from = single(request, "from");
  r.to = single(request, "to");
  if (const auto sort = single(request, "sort")) r.sort = *sort == "date" ? SortOrder::Date : SortOrder::Relevance;
  if (const auto size = single(request, "size")) out.size = parse_count("size", *size, 1, kMaxPageSize);
  if (const auto page = single(request, "page")) out.page = parse_count("page", *page, 1, 1000000);
  if (const auto facets = single(request, "facets")) r.facets = parse_bool(*facets);
  if (const auto collapse = single(request, "collapse")) r.collapse = parse_bool(*collapse);
  r.like_id = single(request, "like");
  const std::uint64_t offset = std::uint64_t{out.page - 1} * out.size;
  if (offset + out.size > limits.max_offset)
    throw LimitExceeded("page " + std::to_string(out.page) + " of size " + std::to_string(out.size) +
                        " reaches past result " + std::to_string(limits.max_offset) +
                        ", the deepest this server pages; narrow the search with filters or dates instead");
  r.offset = static_cast<std::uint32_t>(offset);
  r.limit = out.size;
  return out;
}

}  // namespace rasd::http
