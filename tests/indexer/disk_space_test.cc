// A full disk is named as such in write errors (indexer/disk_space.h).
#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>

#include "indexer/disk_space.h"
#include "tests/support/temp_dir.h"

TEST_CASE("disk space: ENOSPC in an error is reported as a full disk, other errors are not") {
  rasd::test::TempDir dir;
  const std::string note = rasd::disk_full_note(dir / "index.merge", std::string("Error writing block 7 (") + std::strerror(ENOSPC) + ")");
  CHECK(note.find("is full") != std::string::npos);
  CHECK(note.find("index.merge") != std::string::npos);
  CHECK(note.find("KiB free") != std::string::npos);
  // A machine running the tests has more than 16 MiB free: another error stays itself.
  CHECK(rasd::disk_full_note(dir.str(), "Error reading block 3").empty());
  REQUIRE(rasd::free_bytes(dir / "not/yet/made"));  // its nearest existing parent
  CHECK(*rasd::free_bytes(dir / "not/yet/made") > 0);
}
