// Webhook deliveries: which targets the configuration allows, and a JSON POST with a timeout,
// retries and exponential backoff. Only hosts on the allow-list are ever contacted, so an
// alert cannot be turned against internal services.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace rasd::alerts {

/// The parts of a webhook URL rasd needs to connect.
struct WebhookTarget {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower-cased
  int port = 0;        // explicit or the scheme's default
  std::string path;    // with the query string, "/" when empty
};

/// Parses an absolute http(s) URL; throws InvalidInput naming it (user info is refused).
WebhookTarget parse_webhook_url(const std::string& url);

/// Hosts (optionally host:port) webhooks may reach. Empty = no webhooks at all.
class WebhookAllowList {
 public:
  WebhookAllowList() = default;
  /// Entries "HOST" or "HOST:PORT"; throws InvalidInput on a malformed entry.
  explicit WebhookAllowList(const std::vector<std::string>& entries);

  bool allows(const WebhookTarget& target) const;
  /// Throws InvalidInput when `url` is malformed or its host is not allowed.
  void check(const std::string& url) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string host;
    int port = 0;  // 0 = any port
  };
  std::vector<Entry> entries_;
};

/// How hard to try one webhook delivery.
struct WebhookPolicy {
  int attempts = 4;                                 // tries within one run
  std::chrono::milliseconds first_backoff{500};     // doubled after each failure
  std::chrono::milliseconds timeout{5000};          // connect, read and write, each
  int max_runs = 5;                                 // runs before a notification is given up
};

struct WebhookResult {
  bool ok = false;
  int attempts = 0;
  std::string error;  // last failure, e.g. "HTTP 500" or "connection refused"
};

/// POSTs `json_body` to `url` (checked against `allow` first). Retries on connection errors,
/// 408, 429 and 5xx; any other answer is final. Never throws for a delivery failure.
WebhookResult post_webhook(const std::string& url, const std::string& json_body, const WebhookAllowList& allow,
                           const WebhookPolicy& policy);

}  // namespace rasd::alerts
