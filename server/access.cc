#include "server/access.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server/problem.h"

namespace rasd::http {
namespace {

constexpr std::size_t kMinSecretBytes = 16;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The bearer credential of an Authorization header, "" when there is none.
std::string_view bearer(std::string_view header) {
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size() || lower(header.substr(0, kScheme.size())) != kScheme) return {};
  header.remove_prefix(kScheme.size());
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  return header;
}

std::string media_type(const std::string& content_type) {
  std::string m = lower(content_type.substr(0, content_type.find(';')));
  m.erase(std::remove_if(m.begin(), m.end(), [](char c) { return c == ' ' || c == '\t'; }), m.end());
  return m;
}

bool loopback_ip(std::string_view ip) {
  in_addr v4{};
  in6_addr v6{};
  const std::string s(ip);
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}


}  // namespace

bool same_secret(std::string_view a, std::string_view b) {
  unsigned diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(i < b.size() ? b[i] : 0);
  return diff == 0;
}

void check_access(const Tokens& tokens, Access access, const std::string& authorization) {
  if (access == Access::Public) return;
  if (access == Access::Read && tokens.read.empty()) return;
  if (access == Access::Write && tokens.write.empty())
    throw Forbidden("changes over HTTP are disabled: start the server with a write token "
                    "(--write-token-file FILE or RASD_WRITE_TOKEN) to allow them");
  const std::string_view given = bearer(authorization);
  if (given.empty())
    throw Unauthorized(std::string("send the ") + (access == Access::Write ? "write" : "read") +
                       " token as 'Authorization: Bearer <token>'");
  const bool writer = !tokens.write.empty() && same_secret(given, tokens.write);
  const bool reader = !tokens.read.empty() && same_secret(given, tokens.read);
  if (access == Access::Write && reader && !writer)
    throw Forbidden("the read token does not allow changes: send the write token");
  if (!(writer || (access == Access::Read && reader))) throw Unauthorized("the token is wrong");
}

void check_content_type(BodyKind kind, const std::string& content_type) {
  const std::string m = media_type(content_type);
  const bool json = m == "application/json";
  if (kind == BodyKind::Json && json) return;
  if (kind == BodyKind::JsonLines && (json || m == "application/x-ndjson" || m == "application/jsonl")) return;
  if (kind == BodyKind::None) return;
  throw UnsupportedMediaType(std::string("send the body as ") +
                             (kind == BodyKind::Json ? "'Content-Type: application/json'" : "'Content-Type: application/x-ndjson'") +
                             (m.empty() ? std::string() : ", not '" + m + "'") +
                             "; forms and text/plain are refused so that no other site's page can send this request");
}

bool is_loopback_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) return false;
  bool all = found != nullptr;
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    char text[INET6_ADDRSTRLEN] = {0};
    const void* addr = ai->ai_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr)
                                                : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr);
    inet_ntop(ai->ai_family, addr, text, sizeof text);
    all = all && loopback_ip(text);
  }
  ::freeaddrinfo(found);
  return all;
}

bool is_loopback_authority(std::string_view host) {
  std::string_view name = host;
  if (!name.empty() && name.front() == '[') {
    const auto close = name.find(']');
    if (close == std::string_view::npos) return false;
    name = name.substr(1, close - 1);
  } else if (const auto colon = name.rfind(':'); colon != std::string_view::npos) {
    name = name.substr(0, colon);
  }
  const std::string n = lower(name);
  return n == "localhost" || n == "localhost." || loopback_ip(n);
}

bool readable_by_all(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IRWXO) != 0;
}

std::optional<std::string> read_secret(const std::string& path, const char* env, const std::string& what) {
  std::string secret, origin;
  if (!path.empty()) {
    std::ifstream in(path);
    if (!in) throw InvalidInput("cannot read the " + what + " file " + path);
    std::ostringstream content;
    content << in.rdbuf();
    secret = content.str();
    origin = "the " + what + " file " + path;
  } else if (const char* value = env ? std::getenv(env) : nullptr; value && *value) {
    secret = value;
    origin = std::string("the environment variable ") + env;
  } else {
    return std::nullopt;
  }
  const auto first = secret.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw InvalidInput(origin + " is empty");
  secret = secret.substr(first, secret.find_last_not_of(" \t\r\n") - first + 1);
  const bool clean = std::all_of(secret.begin(), secret.end(), [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7F; });
  if (!clean) throw InvalidInput(origin + " holds blanks or control characters; a token is one word");
  if (secret.size() < kMinSecretBytes)
    throw InvalidInput(origin + " holds " + std::to_string(secret.size()) + " characters; a token needs at least " +
                       std::to_string(kMinSecretBytes) + " (make one with: head -c 32 /dev/urandom | base64)");
  return secret;
}

}  // namespace rasd::http
