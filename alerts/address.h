// IP addresses and ranges for the webhook allow-list: parsing, CIDR membership, and which
// addresses are not public (loopback, private, link-local, multicast, reserved), the ones a
// webhook may reach only when the allow-list names them by address or range.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rasd::alerts {

/// An IPv4 or IPv6 address; IPv4-mapped IPv6 addresses are kept as IPv4.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4

  /// "192.0.2.1", "2001:db8::1".
  std::string text() const;
  bool operator==(const IpAddress&) const = default;
};

/// Parses a literal address (no brackets, no port); nullopt when `text` is not one.
std::optional<IpAddress> parse_ip(std::string_view text);

/// An address range "10.0.0.0/8", "fd00::/8"; a lone address is its own range.
struct IpRange {
  IpAddress base;
  int prefix = 32;
  bool contains(const IpAddress& a) const;
};

/// Parses "ADDRESS" or "ADDRESS/BITS"; nullopt when it is neither.
std::optional<IpRange> parse_range(std::string_view text);

/// Why `a` is not a public address ("loopback", "private", "link-local", "multicast",
/// "unspecified", "reserved", "shared (CGNAT)", "documentation", "benchmarking"), or "" when it is.
std::string non_public_kind(const IpAddress& a);

}  // namespace rasd::alerts
