// The server's log: one line per request and per event on stderr (the journal under systemd),
// as JSON for machines or as text for people. The only writer of stderr while serving.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rasd::http {

enum class LogFormat { Text, Json };

/// "text" or "json"; throws InvalidInput naming the value otherwise.
LogFormat parse_log_format(std::string_view name);

/// What the access log records of one request.
struct AccessRecord {
  std::string request_id;
  std::string method;
  std::string route;   // the route's name ("search", "get_document"; "rejected", "no_route")
  std::string target;  // path and query, cut at 512 bytes
  int status = 0;
  std::size_t bytes = 0;
  double duration_ms = 0;
  std::string client;  // remote address
};

class EventLog {
 public:
  explicit EventLog(LogFormat format = LogFormat::Text) : format_(format) {}

  /// One line: {"time","level","event",...fields} as JSON, or "TIME rasd: EVENT k=v ..." as text.
  void event(std::string_view name, const nlohmann::json& fields = nlohmann::json::object(),
             std::string_view level = "info") const;
  /// One line per request: {"time","level","event":"request","request_id","method","route",
  /// "target","status","bytes","duration_ms","client"}.
  void request(const AccessRecord& r) const;

  void set_format(LogFormat format) { format_ = format; }
  LogFormat format() const { return format_; }

 private:
  void write(const std::string& line) const;

  std::atomic<LogFormat> format_;
  mutable std::mutex mutex_;  // whole lines, never interleaved
};

/// ISO 8601 UTC with milliseconds: "2026-12-03T12:00:00.123Z".
std::string log_time();

}  // namespace rasd::http
