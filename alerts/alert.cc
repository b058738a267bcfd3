#include "alerts/alert.h"

#include "error/error.h"
#include "searcher/search_json.h"

namespace rasd::alerts {

namespace {

using nlohmann::json;

// The filter lists in the order of their JSON keys and CLI options.
struct FilterField {
  const char* key;
  std::vector<std::string> AlertFilters::*list;
};
constexpr FilterField kFilterFields[] = {
    {"country", &AlertFilters::countries}, {"org", &AlertFilters::orgs},       {"person", &AlertFilters::persons},
    {"place", &AlertFilters::places},      {"source", &AlertFilters::sources},
};

bool valid_date(const std::string& d) {
  // "YYYY", "YYYY-MM" or "YYYY-MM-DD", as the search filters accept.
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  }
  return true;
}

std::vector<std::string> string_list(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return {};
  if (j[key].is_string()) return {j[key].get<std::string>()};
  if (!j[key].is_array()) throw InvalidInput(std::string("alert field '") + key + "' must be a string or a list");
  std::vector<std::string> out;
  for (const json& v : j[key]) {
    if (!v.is_string()) throw InvalidInput(std::string("alert field '") + key + "' must hold strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::optional<std::string> optional_string(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  if (!j[key].is_string()) throw InvalidInput(std::string("alert field '") + key + "' must be a string");
  std::string s = j[key].get<std::string>();
  if (s.empty()) return std::nullopt;
  return s;
}

json optional_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

SearchRequest to_request(const AlertSpec& spec, std::uint64_t after_sequence) {
  SearchRequest r;
  r.query = spec.query;
  r.countries = spec.filters.countries;
  r.orgs = spec.filters.orgs;
  r.persons = spec.filters.persons;
  r.places = spec.filters.places;
  r.sources = spec.filters.sources;
  r.from = spec.filters.from;
  r.to = spec.filters.to;
  r.sort = SortOrder::Date;
  r.collapse = true;
  r.facets = false;
  r.after_sequence = after_sequence;
  r.relax = false;  // an alert fires only on reports that match its whole query
  return r;
}

namespace {

void check_size(const std::string& what, std::size_t size, std::size_t limit) {
  if (size > limit)
    throw LimitExceeded("alert field '" + what + "' has " + std::to_string(size) + " bytes; at most " +
                            std::to_string(limit) + " are accepted",
                        "alert_" + what);
}

}  // namespace

std::string alert_status(const Alert& alert) { return alert.webhook_failures >= kFailingAfter ? "failing" : "ok"; }

std::string idempotency_key(const Notification& n, UnixTime alert_created) {
  return std::to_string(n.alert_id) + "-" + std::to_string(alert_created) + "-" + n.hit.id;
}

void validate(const AlertSpec& spec, const AlertLimits& limits) {
  if (spec.name.empty()) throw InvalidInput("an alert needs a name (--name)");
  if (spec.query.empty()) throw InvalidInput("an alert needs a query (--query)");
  check_size("name", spec.name.size(), limits.name_bytes);
  check_size("query", spec.query.size(), limits.query_bytes);
  for (const FilterField& f : kFilterFields) {
    const auto& values = spec.filters.*f.list;
    if (values.size() > limits.filter_values)
      throw LimitExceeded("alert filter '" + std::string(f.key) + "' has " + std::to_string(values.size()) +
                              " values; at most " + std::to_string(limits.filter_values) + " are accepted",
                          "alert_filter_values");
    for (const std::string& v : values) check_size(f.key, v.size(), limits.filter_value_bytes);
  }
  if (spec.webhook_url) check_size("webhook", spec.webhook_url->size(), limits.url_bytes);
  if (spec.jsonl_path) check_size("jsonl", spec.jsonl_path->size(), limits.path_bytes);
  for (const auto* date : {&spec.filters.from, &spec.filters.to})
    if (*date && !valid_date(**date))
      throw InvalidInput("bad date filter '" + **date + "': expected YYYY, YYYY-MM or YYYY-MM-DD");
}

json filters_json(const AlertFilters& filters) {
  json j = json::object();
  for (const FilterField& f : kFilterFields)
    if (!(filters.*f.list).empty()) j[f.key] = filters.*f.list;
  if (filters.from) j["from"] = *filters.from;
  if (filters.to) j["to"] = *filters.to;
  return j;
}

AlertFilters filters_from_json(const json& j) {
  AlertFilters filters;
  for (const FilterField& f : kFilterFields) filters.*f.list = string_list(j, f.key);
  filters.from = optional_string(j, "from");
  filters.to = optional_string(j, "to");
  return filters;
}

namespace {

// "https://hooks.example.org/…": the scheme and authority of a URL, the rest elided.
std::string origin_only(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "…";
  const auto path = url.find_first_of("/?#", scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path) + "/…";
}

}  // namespace

json to_json(const Alert& a, Disclosure disclosure) {
  const bool full = disclosure == Disclosure::Full;
  json j = {{"id", a.id},
            {"name", a.spec.name},
            {"query", a.spec.query},
            {"filters", filters_json(a.spec.filters)},
            {"every", format_interval(a.spec.every)},
            {"jsonl", full ? optional_json(a.spec.jsonl_path) : json(a.spec.jsonl_path.has_value())},
            {"webhook", full || !a.spec.webhook_url ? optional_json(a.spec.webhook_url) : json(origin_only(*a.spec.webhook_url))},
            {"watermark", a.watermark},
            {"created", format_time(a.created)},
            {"last_run", a.last_run ? json(format_time(a.last_run)) : json(nullptr)},
            {"last_error", optional_json(a.last_error)},
            {"last_new_hits", a.last_new_hits},
            {"total_hits", a.total_hits},
            {"status", alert_status(a)},
            {"webhook_failures", a.webhook_failures},
            {"webhook_error", optional_json(a.webhook_error)},
            {"webhook_next_attempt", a.webhook_next_attempt ? json(format_time(a.webhook_next_attempt)) : json(nullptr)},
            {"feed", a.has_feed}};
  return j;
}

AlertSpec spec_from_json(const json& j) {
  if (!j.is_object()) throw InvalidInput("an alert must be a JSON object");
  AlertSpec spec;
  spec.name = optional_string(j, "name").value_or("");
  spec.query = optional_string(j, "query").value_or("");
  spec.filters = filters_from_json(j.contains("filters") ? j["filters"] : j);
  if (auto every = optional_string(j, "every")) spec.every = parse_interval(*every);
  spec.jsonl_path = optional_string(j, "jsonl");
  spec.webhook_url = optional_string(j, "webhook");
  validate(spec);
  return spec;
}

// Built member by member: an initializer list deep-copies every nested value (entities are many).
json to_json(const Notification& n, const std::string& alert_name) {
  json j = json::object();
  j["alert_id"] = n.alert_id;
  j["alert_name"] = alert_name;
  j["doc_id"] = n.hit.id;
  j["title"] = n.hit.title;
  j["source"] = n.hit.source;
  j["url"] = n.hit.url;
  j["published"] = n.hit.published;
  j["snippet"] = n.hit.snippet.text;
  json& entities = j["entities"] = json::array();  // as to_json(Hit) spells them
  for (const EntityRef& e : n.hit.entities) {
    json& o = entities.emplace_back(json::object());
    o["type"] = e.type;
    o["id"] = e.id;
    o["label_ar"] = e.label_ar;
    o["label_en"] = e.label_en;
  }
  json& copies = j["copies"] = json::array();
  for (const Copy& c : n.hit.copy_list) {
    json& o = copies.emplace_back(json::object());
    o["id"] = c.id;
    o["source"] = c.source;
  }
  if (n.copy_of) j["copy_of"] = *n.copy_of;
  j["sequence"] = n.sequence;
  j["found"] = format_time(n.found);
  if (!n.key.empty()) j["key"] = n.key;
  return j;
}

Notification notification_from_json(const json& j) {
  Notification n;
  n.alert_id = j.value("alert_id", std::int64_t{0});
  n.sequence = j.value("sequence", std::uint64_t{0});
  n.hit.id = j.value("doc_id", "");
  n.key = j.value("key", "");
  n.hit.title = j.value("title", "");
  n.hit.source = j.value("source", "");
  n.hit.url = j.value("url", "");
  n.hit.published = j.value("published", "");
  n.hit.snippet.text = j.value("snippet", "");
  n.hit.sequence = n.sequence;
  for (const json& e : j.value("entities", json::array()))
    n.hit.entities.push_back({e.value("type", ""), e.value("id", ""), e.value("label_ar", ""), e.value("label_en", "")});
  for (const json& c : j.value("copies", json::array())) n.hit.copy_list.push_back({c.value("id", ""), c.value("source", "")});
  n.hit.copies = static_cast<std::uint32_t>(n.hit.copy_list.size() + 1);
  if (j.contains("copy_of") && j["copy_of"].is_string()) n.copy_of = j["copy_of"].get<std::string>();
  return n;
}

}  // namespace rasd::alerts
