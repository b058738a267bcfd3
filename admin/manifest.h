// The backup manifest (backup.json) as JSON text and back.
#pragma once

#include <string>

#include "admin/backup.h"

namespace rasd {

std::string manifest_json(const BackupManifest& manifest);

/// Reads backup.json at `path`; throws InvalidInput naming the file when it is missing or bad.
BackupManifest read_manifest(const std::string& path);

}  // namespace rasd
