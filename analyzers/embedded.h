// Access to the data files under analyzers/data, compiled into the binary.
#pragma once

#include <string_view>

namespace rasd {

/// The bytes of analyzers/data/<name>, or an empty view when there is no such file.
std::string_view embedded_file(std::string_view name);

}  // namespace rasd
