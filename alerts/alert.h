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
  // Webhook delivery state, kept across runs (backoff, failing).
  int webhook_failures = 0;              // failed deliveries in a row
  UnixTime webhook_next_attempt = 0;     // not before this time (0: now)
  std::optional<std::string> webhook_error;
  bool has_feed = false;                 // a secret feed address exists
  std::optional<std::int64_t> jsonl_mark;  // JSONL file size before an append in progress
};

/// Bounds on an alert's fields (a 10 MB name is refused, not stored).
struct AlertLimits {
  std::size_t name_bytes = 200;
  std::size_t query_bytes = 4096;
  std::size_t filter_values = 50;   // per filter
  std::size_t filter_value_bytes = 200;
  std::size_t url_bytes = 2048;     // webhook URL
  std::size_t path_bytes = 4096;    // JSONL path
};

/// Failed deliveries in a row after which an alert is shown as failing.
inline constexpr int kFailingAfter = 3;

/// "ok", or "failing" once the webhook failed kFailingAfter deliveries in a row.
std::string alert_status(const Alert& alert);

/// One new document matching an alert, standing for its near-duplicate copies.
struct Notification {
  std::int64_t id = 0;  // row in the alerts file (0 before it is stored)
  std::int64_t alert_id = 0;
  std::uint64_t sequence = 0;
  UnixTime found = 0;
  std::string key;  // idempotency key (idempotency_key), carried by JSONL lines and webhooks
  Hit hit;  // id, title, source, url, published, snippet, entities, copy_list
  /// A copy of a report this alert notified in an earlier run: the id of that report. Such a
  /// notification is attached to the earlier one (a `copy_of` JSONL line, the Atom entry's copy
  /// list), not news of its own.
  std::optional<std::string> copy_of;
};

/// The search an alert runs over documents ingested after `after_sequence`.
SearchRequest to_request(const AlertSpec& spec, std::uint64_t after_sequence);

/// Throws InvalidInput when a name or query is empty, a field is larger than `limits` allow,
/// or a date filter is malformed.
void validate(const AlertSpec& spec, const AlertLimits& limits = {});

nlohmann::json filters_json(const AlertFilters& filters);
AlertFilters filters_from_json(const nlohmann::json& j);

/// How much of an alert to show: the CLI (the operator) sees everything; over HTTP the JSONL
/// path (a file on the server) is hidden and a webhook shows its origin only (paths often hold
/// the receiver's secret).
enum class Disclosure { Full, Http };

/// The alert as the CLI (--json) and the HTTP API show it.
nlohmann::json to_json(const Alert& alert, Disclosure disclosure = Disclosure::Full);

/// The key a receiver drops repeats by: one per alert and document, the same on every retry.
std::string idempotency_key(const Notification& n, UnixTime alert_created);

/// Builds a spec from the HTTP API's JSON body; throws InvalidInput on a bad field.
AlertSpec spec_from_json(const nlohmann::json& j);

/// The notification as JSONL lines and webhooks carry it.
nlohmann::json to_json(const Notification& n, const std::string& alert_name);
Notification notification_from_json(const nlohmann::json& j);

}  // namespace rasd::alerts
