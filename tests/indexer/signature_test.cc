#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "indexer/iso_date.h"
#include "indexer/signature.h"

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::uint64_t simhash_of(const std::vector<std::string>& words) {
  std::vector<std::string_view> views(words.begin(), words.end());
  return rasd::simhash(views);
}

}  // namespace

TEST_CASE("simhash: a syndicated copy with small edits stays near, another text is far") {
  std::string text;
  for (int i = 0; i < 300; ++i) text.append("كلمة").append(std::to_string(i)).append(" ");
  std::vector<std::string> original = words_of(text);
  std::vector<std::string> edited = original;
  edited[40] = "تعديل";  // one word changed, a credit line added
  edited.push_back("المصدر");
  edited.push_back("وكالة");
  std::vector<std::string> other;
  for (int i = 0; i < 300; ++i) other.push_back(std::string("اخرى").append(std::to_string(i * 7)));
  const auto a = simhash_of(original), b = simhash_of(edited), c = simhash_of(other);
  CHECK(rasd::hamming(a, b) <= rasd::kNearDuplicateDistance);
  CHECK(rasd::hamming(a, c) > 10);
  CHECK(rasd::simhash({}) == 0);
}

TEST_CASE("simhash bands: near signatures share a band") {
  const std::uint64_t a = 0x0123456789abcdefull;
  const std::uint64_t b = a ^ 0x8000100000800101ull;  // four bits in four bands
  int shared = 0;
  for (int band = 0; band < rasd::kSimhashBands; ++band) shared += rasd::simhash_band(a, band) == rasd::simhash_band(b, band);
  CHECK(shared >= 1);
  CHECK(rasd::simhash_band(a, 0) == "00def");  // the low 13 bits
  CHECK(rasd::simhash_band(a, 4) == "40012");  // the top 12 bits
  CHECK(rasd::to_hex(a) == "0123456789abcdef");
}

TEST_CASE("publication dates in the forms the readers meet") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"2018-02-23", "2018-02-23"},
      {"Fri, 23 Feb 2018 10:37:34 GMT", "2018-02-23T10:37:34Z"},
      {"Sat, 24 Feb 2018 01:30:00 +0400", "2018-02-23T21:30:00Z"},
      {"2023-03-12T09:30:00+01:00", "2023-03-12T08:30:00Z"},
      {"2015-07-21 02:51:32", "2015-07-21T02:51:32Z"},
      {"2023-05-02T10:00:00.123Z", "2023-05-02T10:00:00Z"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(rasd::canonical_date(c.in).value_or("none") == c.out);
  }
  CHECK_FALSE(rasd::canonical_date("yesterday"));
  CHECK_FALSE(rasd::canonical_date("2023-13-01"));
}
