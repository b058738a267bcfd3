// JSON shapes of search results, shared by `rasd search --json`, the HTTP API and alerts.
#pragma once

#include <nlohmann/json.hpp>

#include "searcher/search.h"

namespace rasd {

nlohmann::json to_json(const Snippet& snippet);
nlohmann::json to_json(const Hit& hit);
/// The answer to one search, the one shape of `rasd search --json` and GET /api/search:
/// {"total":N,"total_exact":bool,"relaxed":bool,"facets":{...},"facets_exact":bool,
///  "histogram":[{"month","count"}],"hits":[...]} (facets and histogram empty when not asked for).
nlohmann::json search_answer_json(const SearchResult& result);
/// The facet counts alone: {"country":[{"id","label_ar","label_en","count"}], ...}.
nlohmann::json facet_counts_json(const SearchResult& result);

}  // namespace rasd
