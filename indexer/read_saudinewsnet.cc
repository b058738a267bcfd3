// SaudiNewsNet (14 Saudi newspapers and SPA, 2015) as rasd reports. The mapping:
//   title <- title, body <- content, source <- source, url <- url,
//   published <- the day of date_extracted (the crawl time; upstream says it is most probably
//   the authoring day from 2015-08-01 on), id <- "<source>-<16 hex of hash(url)>" (the corpus has
//   no id; its URLs are unique), extra <- author, date_extracted and any other key.
#include "indexer/iso_date.h"
#include "indexer/jsonl_mapping.h"
#include "index/hash.h"

namespace rasd {

bool is_saudinewsnet(const nlohmann::json& object) {
  return object.contains("content") && object.contains("date_extracted") && !object.contains("body");
}

void map_saudinewsnet(const nlohmann::json& object, Report& report) {
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [key, value] : object.items()) {
    if (key == "title") report.title = json_text(value);
    else if (key == "content") report.body = json_text(value);
    else if (key == "source") report.source = json_text(value);
    else if (key == "url") report.url = json_text(value);
    else extra[key] = value;
  }
  if (object.contains("date_extracted"))
    if (auto d = canonical_date(json_text(object["date_extracted"]))) report.published = day_of(*d);
  if (!report.url.empty()) report.id = (report.source.empty() ? "snn" : report.source) + "-" + to_hex(hash64(report.url));
  if (!extra.empty()) report.extra_json = extra.dump();
}

}  // namespace rasd
