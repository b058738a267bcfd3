#include "alerts/webhook.h"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "error/error.h"

namespace rasd::alerts {

namespace {

using Clock = std::chrono::steady_clock;

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

// Splits "host", "host:port", "[v6]", "[v6]:port" (and "[v6/bits]:port" for ranges); port 0
// when absent. The host comes back without brackets.
std::pair<std::string, int> split_host_port(std::string_view authority, const std::string& context) {
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) throw InvalidInput("bad host in '" + context + "'");
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') throw InvalidInput("bad host in '" + context + "'");
      port = authority.substr(close + 2);
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    if (authority.find(':') != colon) throw InvalidInput("an IPv6 address in '" + context + "' needs brackets: [ADDRESS]:PORT");
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) throw InvalidInput("no host in '" + context + "'");
  return {lower(std::string(host)), port.empty() ? 0 : parse_port(port, context)};
}

bool retryable(int status) { return status == 408 || status == 429 || status >= 500; }

int default_port(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

std::string where(const WebhookTarget& t) {
  return (t.host.find(':') != std::string::npos ? "[" + t.host + "]" : t.host) + ":" + std::to_string(t.port);
}

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
  if (host.find('/') != std::string::npos) throw InvalidInput("bad host in '" + url + "'");
  t.host = std::move(host);
  t.port = port ? port : default_port(t.scheme);
  t.path = path_start == std::string_view::npos ? "/" : std::string(rest.substr(path_start));
  if (const auto hash = t.path.find('#'); hash != std::string::npos) t.path.resize(hash);
  if (t.path.empty() || t.path.front() != '/') t.path = std::string(1, '/').append(t.path);
  return t;
}

WebhookAllowList::WebhookAllowList(const std::vector<std::string>& entries) {
  for (const std::string& e : entries) {
    auto [host, port] = split_host_port(e, e);
    Entry entry;
    entry.port = port;
    if (auto range = parse_range(host)) {
      entry.range = *range;
    } else if (host.find('/') != std::string::npos || host.find(':') != std::string::npos) {
      throw InvalidInput("bad webhook allow-list entry '" + e + "': expected HOST[:PORT], ADDRESS[:PORT] or RANGE[:PORT]");
    } else {
      entry.host = std::move(host);
    }
    entries_.push_back(std::move(entry));
  }
}

bool WebhookAllowList::port_ok(const Entry& e, const WebhookTarget& target) {
  return target.port == (e.port ? e.port : default_port(target.scheme));
}

bool WebhookAllowList::allows_address(const WebhookTarget& target, const IpAddress& address) const {
  for (const Entry& e : entries_)
    if (e.range && e.range->contains(address) && port_ok(e, target)) return true;
  // A name on the list vouches for public addresses only.
  if (!non_public_kind(address).empty()) return false;
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return !e.host.empty() && e.host == target.host && port_ok(e, target); });
}

bool WebhookAllowList::allows(const WebhookTarget& target) const {
  if (const auto literal = parse_ip(target.host)) return allows_address(target, *literal);
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return !e.host.empty() && e.host == target.host && port_ok(e, target); });
}

void WebhookAllowList::check(const std::string& url) const {
  const WebhookTarget target = parse_webhook_url(url);
  if (allows(target)) return;
  if (const auto literal = parse_ip(target.host); literal && !non_public_kind(*literal).empty())
    throw InvalidInput("webhook address " + where(target) + " is " + non_public_kind(*literal) +
                       "; only an allow-list entry naming that address or its range allows it (--webhook-allow)");
  throw InvalidInput("webhook host '" + where(target) + "' is not on the allow-list (--webhook-allow; an entry "
                     "without a port allows the default port only)");
}

IpAddress resolve_checked(const WebhookTarget& target, const WebhookAllowList& allow) {
  if (!allow.allows(target) && !parse_ip(target.host))
    throw InvalidInput("webhook host '" + where(target) + "' is not on the allow-list (--webhook-allow)");
  if (const auto literal = parse_ip(target.host)) {
    if (!allow.allows_address(target, *literal)) allow.check("http://" + where(target) + "/");  // throws why
    return *literal;
  }
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(target.host.c_str(), nullptr, &hints, &found); rc != 0)
    throw InvalidInput("cannot resolve webhook host '" + target.host + "': " + ::gai_strerror(rc));
  std::optional<IpAddress> chosen;
  std::string refused;
  for (addrinfo* ai = found; ai && !chosen; ai = ai->ai_next) {
    char text[INET6_ADDRSTRLEN] = {0};
    const void* raw = ai->ai_family == AF_INET
                          ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr)
                          : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr);
    inet_ntop(ai->ai_family, raw, text, sizeof text);
    const auto a = parse_ip(text);
    if (!a) continue;
    if (allow.allows_address(target, *a))
      chosen = a;
    else if (refused.empty())
      refused = a->text() + " (" + non_public_kind(*a) + ")";
  }
  ::freeaddrinfo(found);
  if (!chosen)
    throw InvalidInput("webhook host '" + target.host + "' resolves to " + refused +
                       ", which the allow-list does not name; add that address or its range to --webhook-allow to allow it");
  return *chosen;
}

WebhookResult post_webhook(const std::string& url, const std::string& json_body, const WebhookAllowList& allow,
                           const WebhookPolicy& policy, const std::vector<std::pair<std::string, std::string>>& headers) {
  WebhookResult result;
  WebhookTarget target;
  IpAddress address;
  try {
    target = parse_webhook_url(url);
    address = resolve_checked(target, allow);  // again at delivery: names move and lists shrink
  } catch (const InvalidInput& e) {
    result.error = e.what();
    return result;
  }
  std::unique_ptr<httplib::ClientImpl> client;
  if (target.scheme == "https")
    client = std::make_unique<httplib::SSLClient>(target.host, target.port);
  else
    client = std::make_unique<httplib::ClientImpl>(target.host, target.port);
  client->set_hostname_addr_map({{target.host, address.text()}});  // connect to what was checked
  const auto us = [](std::chrono::milliseconds d) { return std::chrono::duration_cast<std::chrono::microseconds>(d).count(); };
  client->set_connection_timeout(0, us(policy.connect_timeout));
  client->set_read_timeout(0, us(policy.timeout));
  client->set_write_timeout(0, us(policy.timeout));
  client->set_follow_location(false);  // a redirect could lead off the allow-list
  httplib::Headers extra(headers.begin(), headers.end());

  // The total deadline: httplib's timeouts restart with every byte, so a watchdog cuts the
  // connection of a receiver that answers one byte at a time.
  const auto deadline = Clock::now() + policy.timeout;
  std::mutex m;
  std::condition_variable cv;
  bool done = false, cut = false;
  std::thread watchdog([&] {
    std::unique_lock lock(m);
    if (!cv.wait_until(lock, deadline, [&] { return done; })) {
      cut = true;
      client->stop();
    }
  });
  std::chrono::milliseconds backoff = policy.first_backoff;
  for (result.attempts = 1; result.attempts <= policy.attempts; ++result.attempts) {
    const auto response = client->Post(target.path.c_str(), extra, json_body, "application/json");
    if (response && response->status >= 200 && response->status < 300) {
      result.ok = true;
      result.error.clear();
      break;
    }
    const bool timed_out = !response && (response.error() == httplib::Error::ConnectionTimeout ||
                                         response.error() == httplib::Error::Read || cut);
    result.error = response ? "HTTP " + std::to_string(response->status) : httplib::to_string(response.error());
    if (timed_out && (cut || Clock::now() >= deadline)) {
      result.error = "no answer within " + std::to_string(policy.timeout.count()) + " ms";
      break;
    }
    if ((response && !retryable(response->status)) || timed_out) break;
    if (result.attempts == policy.attempts || Clock::now() + backoff >= deadline) break;
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
  result.attempts = std::min(result.attempts, policy.attempts);
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_all();
  watchdog.join();
  return result;
}

}  // namespace rasd::alerts
