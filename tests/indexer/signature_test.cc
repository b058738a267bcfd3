#include <doctest/doctest.h>

#include <string>

#include "indexer/iso_date.h"
#include "index/hash.h"

TEST_CASE("hash64 is stable and to_hex spells 16 digits") {
  CHECK(rasd::to_hex(0x0123456789abcdefull) == "0123456789abcdef");
  CHECK(rasd::to_hex(0) == "0000000000000000");
  // Stored content hashes and ids depend on it: the value must never change.
  CHECK(rasd::hash64("") == rasd::hash64(""));
  CHECK(rasd::hash64("abc") != rasd::hash64("abd"));
  CHECK(rasd::hash64("abc", 1) != rasd::hash64("abc", 2));
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
