// Webhook deliveries: which destinations the configuration allows, and a JSON POST with a
// connect timeout, a total deadline and a retry. A destination is checked by name and by
// address: the name is resolved once, a loopback, private, link-local, multicast or reserved
// address is refused unless the allow-list names that address or its range, and the connection
// goes to the address that was checked (a second lookup cannot re-point it).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alerts/address.h"

namespace rasd::alerts {

/// The parts of a webhook URL rasd needs to connect.
struct WebhookTarget {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower-cased, without brackets
  int port = 0;        // explicit or the scheme's default
  std::string path;    // with the query string, "/" when empty
};

/// Parses an absolute http(s) URL; throws InvalidInput naming it (user info is refused).
WebhookTarget parse_webhook_url(const std::string& url);

/// Destinations webhooks may reach. Entries: "HOST", "HOST:PORT", an address "10.0.0.5[:PORT]"
/// or "[fd00::5]:PORT", a range "10.0.0.0/8[:PORT]" or "[fd00::/8]:PORT". An entry without a
/// port allows the scheme's default port only (80, 443). Empty = no webhooks at all.
class WebhookAllowList {
 public:
  WebhookAllowList() = default;
  /// Throws InvalidInput naming a malformed entry.
  explicit WebhookAllowList(const std::vector<std::string>& entries);

  /// Whether the URL's host (a name, or a literal address) and port are on the list; a literal
  /// address that is not public needs an address or range entry.
  bool allows(const WebhookTarget& target) const;
  /// Throws InvalidInput when `url` is malformed or not allowed (the check at creation: names
  /// are resolved and their addresses checked at each delivery).
  void check(const std::string& url) const;
  /// Whether `address`, which `target`'s host resolved to, may be connected to.
  bool allows_address(const WebhookTarget& target, const IpAddress& address) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string host;              // a name ("" for an address entry)
    std::optional<IpRange> range;  // an address or range
    int port = 0;                  // 0 = the scheme's default port
  };
  static bool port_ok(const Entry& e, const WebhookTarget& target);
  std::vector<Entry> entries_;
};

/// The address a delivery connects to: resolved once and checked (throws InvalidInput saying
/// which address was refused and why).
IpAddress resolve_checked(const WebhookTarget& target, const WebhookAllowList& allow);

/// How hard to try one webhook delivery.
struct WebhookPolicy {
  int attempts = 2;                                 // tries within one delivery (not after a timeout)
  std::chrono::milliseconds first_backoff{500};     // doubled after each failure
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds timeout{10000};         // the whole delivery: connect, send, answer, retries
  int max_runs = 0;                                 // deliveries before a notification is given up; 0: never
  int failing_after = 3;                            // failed deliveries in a row that mark an alert failing
  std::chrono::seconds backoff_base{30};            // wait after the first failed delivery, doubled after each
  std::chrono::seconds backoff_max{3600};
};

struct WebhookResult {
  bool ok = false;
  int attempts = 0;
  std::string error;  // last failure, e.g. "HTTP 500", "timed out after 10000 ms", "connection refused"
};

/// POSTs `json_body` to `url` (checked against `allow` first, by name and address) with extra
/// `headers` (e.g. Idempotency-Key). Retries connection errors, 408, 429 and 5xx within the
/// deadline; any other answer is final. Never throws for a delivery failure.
WebhookResult post_webhook(const std::string& url, const std::string& json_body, const WebhookAllowList& allow,
                           const WebhookPolicy& policy,
                           const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace rasd::alerts
