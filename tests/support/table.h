// Helpers of table-driven tests: lists joined into one string, so that a failed comparison
// prints both lists whole.
#pragma once

#include <string>
#include <vector>

namespace rasd::test {

/// "a | b | c": one string, so that a failure prints the lists.
inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out;
}

}  // namespace rasd::test
