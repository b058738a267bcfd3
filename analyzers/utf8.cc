#include "analyzers/utf8.h"

namespace rasd::utf8 {

bool is_valid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t before = i;
    if (next(s, i) == kReplacement && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD"))
      return false;
  }
  return true;
}

std::string repair(std::string_view s, std::size_t* repaired) {
  std::string out;
  out.reserve(s.size());
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t before = i;
    const char32_t c = next(s, i);
    if (c == kReplacement && i - before == 1) ++count;
    if (c == kReplacement) {
      append(out, c);
    } else {
      out.append(s.substr(before, i - before));
    }
  }
  if (repaired) *repaired = count;
  return out;
}

}  // namespace rasd::utf8
