// The server's Searcher pool: bounded, reused, and retrying once on DatabaseModifiedError.
#include <xapian.h>

#include <atomic>
#include <set>

#include "error/error.h"
#include "server/searcher_pool.h"
#include "tests/server/http_test_server.h"

using rasd::http::SearcherPool;

namespace {

struct PoolFixture {
  rasd::test::TempDir dir;
  PoolFixture() { rasd::test::index_paths((dir / "db"), {rasd::test::source_path("fixtures/web/xss.jsonl")}); }
};

}  // namespace

TEST_CASE("a search that meets DatabaseModifiedError is retried once on a reopened index") {
  PoolFixture f;
  SearcherPool pool((f.dir / "db"), {}, 2);
  int calls = 0;
  std::uint64_t docs = 0;
  pool.with([&](rasd::Searcher& s) {
    if (++calls == 1) throw Xapian::DatabaseModifiedError("revision discarded");
    docs = s.document_count();
  });
  CHECK(calls == 2);
  CHECK(docs == 3);
  // A second failure in a row reaches the caller (the HTTP layer answers 503).
  CHECK_THROWS_AS(pool.with([](rasd::Searcher&) { throw Xapian::DatabaseModifiedError("again"); }),
                  Xapian::DatabaseModifiedError);
}

TEST_CASE("the pool never holds more Searchers than its capacity and reuses them") {
  PoolFixture f;
  SearcherPool pool((f.dir / "db"), {}, 2);
  std::set<const rasd::Searcher*> seen;
  std::mutex seen_mutex;
  std::atomic<int> busy{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        pool.with([&](rasd::Searcher& s) {
          const int now = ++busy;
          int prev = most.load();
          while (now > prev && !most.compare_exchange_weak(prev, now)) {}
          {
            std::lock_guard lock(seen_mutex);
            seen.insert(&s);
          }
          s.document_count();
          --busy;
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(most.load() <= 2);
  CHECK(seen.size() <= 2);
}

TEST_CASE("an error inside a lease returns the Searcher to the pool") {
  PoolFixture f;
  SearcherPool pool((f.dir / "db"), {}, 1);
  CHECK_THROWS_AS(pool.with([](rasd::Searcher&) { throw rasd::NotFound("x"); }), rasd::NotFound);
  bool ran = false;
  pool.with([&](rasd::Searcher&) { ran = true; });  // would wait forever if the lease leaked
  CHECK(ran);
}
