// A saved alert (query, filters, schedule, deliveries, watermark and run state) and the
// notification it produces for one new document, with their JSON shapes.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alerts/schedule.h"
#include "searcher/search.h"

namespace rasd::alerts {

/// The search filters an alert keeps; the same meaning as in SearchRequest.
struct AlertFilters {
  std::vector<std::string> countries, orgs, persons, places, sources;
  std::optional<std::string> from, to;
};

/// What a user gives to create an alert.
struct AlertSpec {
  std::string name, query;
  AlertFilters filters;
  std::chrono::seconds every{3600};
  std::optional<std::string> jsonl_path;   // append one line per notification
  std::optional<std::string> webhook_url;  // POST a JSON payload per run
};

/// A stored alert: the spec plus its identity, watermark and the state of its last run.
struct Alert {
  std::int64_t id = 0;
  AlertSpec spec;
  std::uint64_t watermark = 0;  // ingest sequence of the last document considered
  UnixTime created = 0, last_run = 0;  // last_run 0 = never
  std::optional<std::string> last_error;
  std::uint64_t last_new_hits = 0, total_hits = 0;
};

/// One new document matching an alert, standing for its near-duplicate copies.
struct Notification {
  std::int64_t id = 0;  // row in the alerts file (0 before it is stored)
  std::int64_t alert_id = 0;
  std::uint64_t sequence = 0;
  UnixTime found = 0;
  Hit hit;  // id, title, source, url, published, snippet, entities, copy_list
};

/// The search an alert runs over documents ingested after `after_sequence`.
SearchRequest to_request(const AlertSpec& spec, std::uint64_t after_sequence);

/// Throws InvalidInput when a name or query is empty or a date filter is malformed.
void validate(const AlertSpec& spec);

nlohmann::json filters_json(const AlertFilters& filters);
AlertFilters filters_from_json(const nlohmann::json& j);

/// The alert as the CLI (--json) and the HTTP API show it.
nlohmann::json to_json(const Alert& alert);

/// Builds a spec from the HTTP API's JSON body; throws InvalidInput on a bad field.
AlertSpec spec_from_json(const nlohmann::json& j);

/// The notification as JSONL lines and webhooks carry it.
nlohmann::json to_json(const Notification& n, const std::string& alert_name);
Notification notification_from_json(const nlohmann::json& j);

}  // namespace rasd::alerts
