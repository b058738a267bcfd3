// Publication dates as rasd stores them: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SSZ" (UTC) when the
// source gives a time. Parses the forms the readers meet (ISO 8601, RFC 822, SQL-like).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rasd {

/// The canonical form of `text`, or nothing when it is not a date rasd understands.
std::optional<std::string> canonical_date(std::string_view text);

/// "YYYY-MM-DD" of a canonical date.
inline std::string day_of(const std::string& canonical) { return canonical.substr(0, 10); }

/// The current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string now_iso();

}  // namespace rasd
