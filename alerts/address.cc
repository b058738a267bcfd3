#include "alerts/address.h"

#include <arpa/inet.h>

#include <cstring>

namespace rasd::alerts {
namespace {

struct Reserved {
  const char* range;
  const char* kind;
};

// IANA special-purpose registries (RFC 6890 and its updates): what no webhook should reach
// unless an operator names it. Checked in order; the first match names the kind.
constexpr Reserved kReserved[] = {
    {"0.0.0.0/8", "unspecified"},        {"127.0.0.0/8", "loopback"},         {"10.0.0.0/8", "private"},
    {"172.16.0.0/12", "private"},        {"192.168.0.0/16", "private"},       {"100.64.0.0/10", "shared (CGNAT)"},
    {"169.254.0.0/16", "link-local"},    {"192.0.0.0/24", "reserved"},        {"192.0.2.0/24", "documentation"},
    {"198.18.0.0/15", "benchmarking"},   {"198.51.100.0/24", "documentation"}, {"203.0.113.0/24", "documentation"},
    {"224.0.0.0/4", "multicast"},        {"240.0.0.0/4", "reserved"},         {"::/128", "unspecified"},
    {"::1/128", "loopback"},             {"fc00::/7", "private"},             {"fe80::/10", "link-local"},
    {"fec0::/10", "reserved"},           {"ff00::/8", "multicast"},           {"2001:db8::/32", "documentation"},
    {"64:ff9b::/96", "reserved"},        {"100::/64", "reserved"},            {"2001::/23", "reserved"},
};

}  // namespace

std::string IpAddress::text() const {
  char out[INET6_ADDRSTRLEN] = {0};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), out, sizeof out);
  return out;
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  const std::string s(text);
  IpAddress a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) return a;
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) != 1) return std::nullopt;
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {  // ::ffff:127.0.0.1 is 127.0.0.1
    std::memcpy(a.bytes.data(), &v6.s6_addr[12], 4);
    return a;
  }
  a.v6 = true;
  std::memcpy(a.bytes.data(), v6.s6_addr, 16);
  return a;
}

bool IpRange::contains(const IpAddress& a) const {
  if (a.v6 != base.v6) return false;
  int bits = prefix;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xFF : static_cast<std::uint8_t>(0xFF << (8 - bits));
    if ((a.bytes[i] & mask) != (base.bytes[i] & mask)) return false;
  }
  return true;
}

std::optional<IpRange> parse_range(std::string_view text) {
  const auto slash = text.find('/');
  const auto base = parse_ip(text.substr(0, slash));
  if (!base) return std::nullopt;
  IpRange r{*base, base->v6 ? 128 : 32};
  if (slash == std::string_view::npos) return r;
  const std::string_view bits = text.substr(slash + 1);
  if (bits.empty() || bits.size() > 3) return std::nullopt;
  int n = 0;
  for (const char c : bits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > (base->v6 ? 128 : 32)) return std::nullopt;
  r.prefix = n;
  return r;
}

std::string non_public_kind(const IpAddress& a) {
  for (const Reserved& r : kReserved)
    if (parse_range(r.range)->contains(a)) return r.kind;
  return {};
}

}  // namespace rasd::alerts
