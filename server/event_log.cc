#include "server/event_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "error/error.h"

namespace rasd::http {
namespace {

std::string text_value(const nlohmann::json& v) {
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    return s.find_first_of(" \t\"=") == std::string::npos && !s.empty() ? s : nlohmann::json(s).dump();
  }
  return v.dump();
}

}  // namespace

LogFormat parse_log_format(std::string_view name) {
  if (name == "text") return LogFormat::Text;
  if (name == "json") return LogFormat::Json;
  throw InvalidInput("log format '" + std::string(name) + "' is neither text nor json");
}

std::string log_time() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
  return buf;
}

void EventLog::event(std::string_view name, const nlohmann::json& fields, std::string_view level) const {
  if (format_ == LogFormat::Json) {
    nlohmann::json line = {{"time", log_time()}, {"level", level}, {"event", name}};
    for (const auto& [k, v] : fields.items()) line[k] = v;
    write(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  std::string line = log_time() + " rasd: " + std::string(name);
  if (level != "info") line += " [" + std::string(level) + "]";
  for (const auto& [k, v] : fields.items()) line += " " + k + "=" + text_value(v);
  write(line);
}

void EventLog::request(const AccessRecord& r) const {
  if (format_ == LogFormat::Json) {
    event("request", {{"request_id", r.request_id}, {"method", r.method}, {"route", r.route}, {"target", r.target},
                      {"status", r.status}, {"bytes", r.bytes}, {"duration_ms", r.duration_ms}, {"client", r.client}});
    return;
  }
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.2f", r.duration_ms);
  write(log_time() + " " + r.client + " " + r.method + " " + r.target + " " + std::to_string(r.status) + " " +
        std::to_string(r.bytes) + " " + ms + "ms " + r.route + " " + r.request_id);
}

void EventLog::write(const std::string& line) const {
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace rasd::http
