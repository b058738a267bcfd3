// A set of normalised words with string_view lookup, for stop words and protected names.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace rasd {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

using WordSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

/// Adds every non-empty line of `text` that does not start with '#' (trimmed of spaces and CR).
void add_lines(WordSet& set, std::string_view text);

}  // namespace rasd
