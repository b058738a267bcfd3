#include "alerts/webhook.h"

#include <algorithm>
#include <charconv>
#include <thread>

#include <httplib.h>

#include "error/error.h"

namespace rasd::alerts {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

int parse_port(std::string_view text, const std::string& context) {
  int port = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc() || end != text.data() + text.size() || port <= 0 || port > 65535)
    throw InvalidInput("bad port in '" + context + "'");
  return port;
}

// Splits "host", "host:port", "[v6]" or "[v6]:port"; port 0 when absent.
std::pair<std::string, int> split_host_port(std::string_view authority, const std::string& context) {
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) throw InvalidInput("bad host in '" + context + "'");
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') throw InvalidInput("bad host in '" + context + "'");
      port = authority.substr(close + 2);
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) throw InvalidInput("no host in '" + context + "'");
  return {lower(std::string(host)), port.empty() ? 0 : parse_port(port, context)};
}

bool retryable(int status) { return status == 408 || status == 429 || status >= 500; }

}  // namespace

WebhookTarget parse_webhook_url(const std::string& url) {
  WebhookTarget t;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) throw InvalidInput("bad webhook URL '" + url + "': expected http://HOST/PATH");
  t.scheme = lower(url.substr(0, scheme_end));
  if (t.scheme != "http" && t.scheme != "https")
    throw InvalidInput("bad webhook URL '" + url + "': only http and https are allowed");
  const std::string_view rest = std::string_view(url).substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, path_start);
  if (authority.find('@') != std::string_view::npos)
    throw InvalidInput("bad webhook URL '" + url + "': user info is not allowed");
  auto [host, port] = split_host_port(authority, url);
  t.host = std::move(host);
  t.port = port ? port : (t.scheme == "https" ? 443 : 80);
  t.path = path_start == std::string_view::npos ? "/" : std::string(rest.substr(path_start));
  if (const auto hash = t.path.find('#'); hash != std::string::npos) t.path.resize(hash);
  if (t.path.empty() || t.path.front() != '/') t.path = std::string(1, '/').append(t.path);
  return t;
}

WebhookAllowList::WebhookAllowList(const std::vector<std::string>& entries) {
  for (const std::string& e : entries) {
    auto [host, port] = split_host_port(e, e);
    entries_.push_back({std::move(host), port});
  }
}

bool WebhookAllowList::allows(const WebhookTarget& target) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
    return e.host == target.host && (e.port == 0 || e.port == target.port);
  });
}

void WebhookAllowList::check(const std::string& url) const {
  const WebhookTarget target = parse_webhook_url(url);
  if (!allows(target))
    throw InvalidInput("webhook host '" + target.host + ":" + std::to_string(target.port) +
                       "' is not on the allow-list (--webhook-allow)");
}

WebhookResult post_webhook(const std::string& url, const std::string& json_body, const WebhookAllowList& allow,
                           const WebhookPolicy& policy) {
  WebhookResult result;
  WebhookTarget target;
  try {
    allow.check(url);  // again at delivery: the allow-list may have shrunk since the alert was added
    target = parse_webhook_url(url);
  } catch (const InvalidInput& e) {
    result.error = e.what();
    return result;
  }
  httplib::Client client(target.scheme + "://" + target.host + ":" + std::to_string(target.port));
  const auto timeout_us = std::chrono::duration_cast<std::chrono::microseconds>(policy.timeout).count();
  client.set_connection_timeout(0, timeout_us);
  client.set_read_timeout(0, timeout_us);
  client.set_write_timeout(0, timeout_us);
  client.set_follow_location(false);  // a redirect could lead off the allow-list
  std::chrono::milliseconds backoff = policy.first_backoff;
  for (result.attempts = 1; result.attempts <= policy.attempts; ++result.attempts) {
    const auto response = client.Post(target.path, json_body, "application/json");
    if (response && response->status >= 200 && response->status < 300) {
      result.ok = true;
      result.error.clear();
      return result;
    }
    result.error = response ? "HTTP " + std::to_string(response->status) : httplib::to_string(response.error());
    if (response && !retryable(response->status)) return result;
    if (result.attempts < policy.attempts) {
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
    }
  }
  result.attempts = policy.attempts;
  return result;
}

}  // namespace rasd::alerts
