// The index format's shared pieces: stable hashes (indexes written earlier must still be read),
// id terms of short and long ids, the entity kinds table, and the reader's errors.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include <xapian.h>

#include "error/error.h"
#include "index/entity_kinds.h"
#include "index/hash.h"
#include "index/id_term.h"
#include "index/index_reader.h"
#include "index/schema.h"
#include "tests/support/temp_dir.h"

using namespace rasd;

TEST_CASE("hash64 gives the values earlier indexes were written with") {
  // Golden values: a change here would re-key every long id term and content hash on disk.
  CHECK(to_hex(hash64("")) == "0000000000000000");
  CHECK(to_hex(hash64("رصد")) == "a20825aa83709b4f");
  CHECK(to_hex(hash64("abcdefghijk", 7)) == "21081d40c89d8dc5");
}

TEST_CASE("id terms: short ids as given, long ids cut and hashed within Xapian's term limit") {
  CHECK(id_term("ant/2019/1") == "Qant/2019/1");
  const std::string a = std::string(250, 'x'), b = std::string(250, 'x') + "y";
  CHECK(id_term(a).size() <= 245);
  CHECK(id_term(a).rfind("Q" + std::string(183, 'x') + "#", 0) == 0);
  CHECK(id_term(a) != id_term(b));  // same first 183 bytes, other ids
  CHECK(id_term(a) == id_term(std::string(250, 'x')));
}

TEST_CASE("entity kinds: one row per kind, each found back by name, letter and type") {
  std::set<char> letters;
  std::set<std::string_view> prefixes;
  for (const EntityKind& k : entity_kinds()) {
    CHECK(find_entity_kind(k.name) == &k);
    CHECK(find_entity_kind(k.letter) == &k);
    if (k.type) CHECK(&entity_kind(*k.type) == &k);
    letters.insert(k.letter);
    prefixes.insert(k.prefix);
  }
  CHECK(entity_kinds().size() == 5);
  CHECK(letters.size() == 5);
  CHECK(prefixes.size() == 5);
  CHECK(entity_kind(EntityType::Country).prefix == schema::kCountry);
  CHECK(entity_kind(EntityType::Organization).name == "org");
  CHECK(find_entity_kind("source")->type == std::nullopt);
  CHECK(find_entity_kind("nation") == nullptr);
}

TEST_CASE("the reader names the folder when there is no rasd index in it") {
  test::TempDir dir;
  CHECK_THROWS_WITH_AS(IndexReader(dir / "missing"), doctest::Contains("no index at"), IndexError);
  { Xapian::WritableDatabase plain(dir / "plain", Xapian::DB_CREATE); plain.commit(); }
  CHECK_THROWS_WITH_AS(IndexReader(dir / "plain"), doctest::Contains("is not a rasd index"), IndexError);
}
