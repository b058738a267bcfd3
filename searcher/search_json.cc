#include "searcher/search_json.h"

namespace rasd {

nlohmann::json to_json(const Snippet& snippet) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const Highlight& h : snippet.highlights) highlights.push_back({h.start, h.end});
  return {{"text", snippet.text}, {"highlights", highlights}, {"html", snippet.html}};
}

nlohmann::json to_json(const Hit& hit) {
  nlohmann::json entities = nlohmann::json::array();
  for (const EntityRef& e : hit.entities)
    entities.push_back({{"type", e.type}, {"id", e.id}, {"label_ar", e.label_ar}, {"label_en", e.label_en}});
  nlohmann::json copies = nlohmann::json::array();
  for (const Copy& c : hit.copy_list) copies.push_back({{"id", c.id}, {"source", c.source}});
  return {{"id", hit.id},         {"rank", hit.rank},         {"score", hit.score},       {"title", hit.title},
          {"source", hit.source}, {"url", hit.url},           {"published", hit.published}, {"snippet", to_json(hit.snippet)},
          {"entities", entities}, {"copies", hit.copies},     {"copy_list", copies}};
}

nlohmann::json facet_counts_json(const SearchResult& result) {
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : result.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetValue& v : values)
      list.push_back({{"id", v.id}, {"label_ar", v.label_ar}, {"label_en", v.label_en}, {"count", v.count}});
    facets[name] = list;
  }
  return facets;
}

nlohmann::json search_answer_json(const SearchResult& result) {
  nlohmann::json histogram = nlohmann::json::array();
  for (const auto& [month, count] : result.histogram) histogram.push_back({{"month", month}, {"count", count}});
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : result.hits) hits.push_back(to_json(hit));
  nlohmann::json out = {{"total", result.total},          {"total_exact", result.total_exact}, {"relaxed", result.relaxed},
                        {"facets", facet_counts_json(result)}, {"facets_exact", result.facets_exact}, {"histogram", histogram},
                        {"hits", hits}};
  // A cluster that answered without some shards says so (the rest of the answer is theirs).
  if (result.partial) {
    out["partial"] = true;
    out["failed_shards"] = result.failed_shards;
  }
  return out;
}

}  // namespace rasd
