// Alert schedules and timestamps: "15m"/"1h"/"1d" intervals, and UTC times as seconds since
// the epoch stored in the alerts file and printed as RFC 3339.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::alerts {

/// Seconds since the Unix epoch, UTC.
using UnixTime = std::int64_t;

/// Parses "<n>s|m|h|d" (e.g. "15m", "1h", "1d"; at least 1 minute, at most 366 days).
/// Throws InvalidInput naming the text.
std::chrono::seconds parse_interval(std::string_view text);

/// The shortest exact form: 3600 s -> "1h", 5400 s -> "90m".
std::string format_interval(std::chrono::seconds interval);

/// "2026-11-22T11:40:00Z".
std::string format_time(UnixTime t);

UnixTime now_utc();

/// Whether an alert last run at `last_run` (0 = never) with `interval` is due at `now`.
bool is_due(UnixTime last_run, std::chrono::seconds interval, UnixTime now);

}  // namespace rasd::alerts
