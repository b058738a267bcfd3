#include "alerts/schedule.h"

#include <charconv>
#include <ctime>

#include "error/error.h"

namespace rasd::alerts {

namespace {

constexpr std::int64_t kMinute = 60, kHour = 3600, kDay = 86400;
constexpr std::int64_t kMinInterval = kMinute, kMaxInterval = 366 * kDay;

std::int64_t unit_seconds(char unit) {
  switch (unit) {
    case 's': return 1;
    case 'm': return kMinute;
    case 'h': return kHour;
    case 'd': return kDay;
    default: return 0;
  }
}

}  // namespace

std::chrono::seconds parse_interval(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text).push_back('\'');
  if (text.size() < 2) throw InvalidInput("bad interval " + quoted + ": expected e.g. 15m, 1h or 1d");
  const std::int64_t unit = unit_seconds(text.back());
  std::int64_t count = 0;
  const auto digits = text.substr(0, text.size() - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (unit == 0 || ec != std::errc() || end != digits.data() + digits.size() || count <= 0)
    throw InvalidInput("bad interval " + quoted + ": expected a positive number and s, m, h or d (e.g. 15m)");
  if (count > kMaxInterval / unit || count * unit < kMinInterval)
    throw InvalidInput("bad interval " + quoted + ": must be between 1m and 366d");
  return std::chrono::seconds(count * unit);
}

std::string format_interval(std::chrono::seconds interval) {
  const std::int64_t s = interval.count();
  if (s > 0 && s % kDay == 0) return std::to_string(s / kDay) + "d";
  if (s > 0 && s % kHour == 0) return std::to_string(s / kHour) + "h";
  if (s > 0 && s % kMinute == 0) return std::to_string(s / kMinute) + "m";
  return std::to_string(s) + "s";
}

std::string format_time(UnixTime t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

UnixTime now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool is_due(UnixTime last_run, std::chrono::seconds interval, UnixTime now) {
  return last_run == 0 || now >= last_run + interval.count();
}

}  // namespace rasd::alerts
