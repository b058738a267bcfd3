// backup.json: what a backup holds, written and read as JSON.
#include "admin/manifest.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error/error.h"

namespace rasd {

std::string manifest_json(const BackupManifest& m) {
  nlohmann::json j = {{"created", m.created},
                      {"rasd_version", m.rasd_version},
                      {"index",
                       {{"revision", m.revision},
                        {"documents", m.documents},
                        {"next_sequence", m.next_sequence},
                        {"analyzer", m.analyzer},
                        {"bytes", m.index_bytes},
                        {"writer_pause_seconds", m.writer_pause_seconds},
                        {"source", m.source_db}}}};
  if (m.has_alerts)
    j["alerts"] = {{"schema_version", m.alerts_schema}, {"alerts", m.alerts}, {"source", m.source_alerts}};
  return j.dump(2) + "\n";
}

BackupManifest read_manifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InvalidInput("no backup manifest at '" + path + "' (is this a folder written by rasd backup?)");
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || !j.contains("index")) throw InvalidInput(path + ": not a rasd backup manifest");
  try {
    BackupManifest m;
    m.created = j.value("created", "");
    m.rasd_version = j.value("rasd_version", "");
    const nlohmann::json& index = j.at("index");
    m.revision = index.at("revision").get<std::uint32_t>();
    m.documents = index.at("documents").get<std::uint32_t>();
    m.next_sequence = index.at("next_sequence").get<std::uint64_t>();
    m.analyzer = index.value("analyzer", "");
    m.index_bytes = index.value("bytes", std::uint64_t{0});
    m.writer_pause_seconds = index.value("writer_pause_seconds", 0.0);
    m.source_db = index.value("source", "");
    if (j.contains("alerts")) {
      m.has_alerts = true;
      m.alerts_schema = j["alerts"].at("schema_version").get<int>();
      m.alerts = j["alerts"].at("alerts").get<std::size_t>();
      m.source_alerts = j["alerts"].value("source", "");
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw InvalidInput(path + ": " + e.what());
  }
}

}  // namespace rasd
