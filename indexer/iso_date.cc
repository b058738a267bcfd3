#include "indexer/iso_date.h"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace rasd {
namespace {

struct DateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;
  bool has_time = false;
};

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

bool valid(const DateTime& d) {
  return d.year >= 1000 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 &&
         d.hour < 24 && d.minute < 60 && d.second <= 60;
}

// Parses "+HH:MM", "+HHMM", "Z", "GMT", "UTC" at s[at...]; minutes east of UTC.
bool parse_offset(std::string_view s, std::size_t at, int& minutes) {
  while (at < s.size() && s[at] == ' ') ++at;
  const std::string_view rest = s.substr(at);
  if (rest.empty() || rest == "Z" || rest == "GMT" || rest == "UTC" || rest == "UT") {
    minutes = 0;
    return true;
  }
  if (rest[0] != '+' && rest[0] != '-') return false;
  int h = 0, m = 0;
  if (!digits(rest, 1, 2, h)) return false;
  const std::size_t mat = rest.size() > 3 && rest[3] == ':' ? 4 : 3;
  if (!digits(rest, mat, 2, m)) m = 0;
  minutes = (rest[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

std::optional<DateTime> parse_iso(std::string_view s) {
  DateTime d;
  if (!digits(s, 0, 4, d.year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, d.month) || s[7] != '-' ||
      !digits(s, 8, 2, d.day))
    return std::nullopt;
  if (s.size() == 10) return d;
  if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, d.hour) || s.size() < 16 || s[13] != ':' ||
      !digits(s, 14, 2, d.minute))
    return d;  // a day with something odd after it: keep the day
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':' && digits(s, at + 1, 2, d.second)) at += 3;
  if (at < s.size() && s[at] == '.')
    for (++at; at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]));) ++at;
  d.has_time = parse_offset(s, at, d.offset_minutes);
  return d;
}

// "Fri, 23 Feb 2018 10:37:34 GMT" or "... +0400".
std::optional<DateTime> parse_rfc822(std::string_view s) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto comma = s.find(',');
  if (comma != std::string_view::npos) s.remove_prefix(comma + 1);
  while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  DateTime d;
  char month[4] = {};
  int consumed = 0;
  const std::string str(s);
  if (std::sscanf(str.c_str(), "%d %3s %d %d:%d:%d%n", &d.day, month, &d.year, &d.hour, &d.minute, &d.second,
                  &consumed) != 6)
    return std::nullopt;
  for (std::size_t m = 0; m < kMonths.size(); ++m)
    if (std::string_view(month) == kMonths[m]) d.month = static_cast<int>(m) + 1;
  if (d.month == 0) return std::nullopt;
  d.has_time = parse_offset(s, static_cast<std::size_t>(consumed), d.offset_minutes);
  return d;
}

std::string format(const DateTime& in) {
  char buf[32];
  if (!in.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", in.year, in.month, in.day);
    return buf;
  }
  std::tm tm{};
  tm.tm_year = in.year - 1900;
  tm.tm_mon = in.month - 1;
  tm.tm_mday = in.day;
  tm.tm_hour = in.hour;
  tm.tm_min = in.minute - in.offset_minutes;  // timegm normalises the overflow
  tm.tm_sec = in.second;
  const std::time_t t = timegm(&tm);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace

std::optional<std::string> canonical_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::optional<DateTime> d = parse_iso(text);
  if (!d) d = parse_rfc822(text);
  if (!d || !valid(*d)) return std::nullopt;
  return format(*d);
}

std::string now_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace rasd
