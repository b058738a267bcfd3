// Access to the data files under indexer/data (copy detection's wrapper rules and common
// shingles), compiled into the binary.
#pragma once

#include <string_view>

namespace rasd {

/// The bytes of indexer/data/<name>, or an empty view when there is no such file.
std::string_view indexer_data_file(std::string_view name);

}  // namespace rasd
