// The stable hashes the index format depends on: id terms of long ids, content hashes and
// signatures are written with them, so they must give the same value on every machine and run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rasd {

/// A fast, stable 64-bit hash (the same on every machine and run).
std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0);

/// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace rasd
