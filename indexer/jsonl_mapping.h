// Field mappings from JSON objects to Reports (rasd's own JSONL shape and SaudiNewsNet's).
#pragma once

#include <nlohmann/json.hpp>

#include "indexer/report.h"

namespace rasd {

/// True when `object` looks like a SaudiNewsNet article (content + date_extracted, no body).
bool is_saudinewsnet(const nlohmann::json& object);

/// Maps a SaudiNewsNet article (README.md documents the mapping).
void map_saudinewsnet(const nlohmann::json& object, Report& report);

/// The text of a JSON scalar ("" for null, numbers printed).
std::string json_text(const nlohmann::json& value);

}  // namespace rasd
