// JSON shapes of search results, shared by `rasd search --json`, the HTTP API and alerts.
#pragma once

#include <nlohmann/json.hpp>

#include "searcher/search.h"

namespace rasd {

nlohmann::json to_json(const Snippet& snippet);
nlohmann::json to_json(const Hit& hit);
/// {"facets":{...},"histogram":[...],"total":N,"total_exact":bool,"facets_exact":bool}
nlohmann::json facets_json(const SearchResult& result);

}  // namespace rasd
