// Where the indexing time goes: builds rasd documents for N ANT articles in memory, then times
// Xapian's write path alone (add_document + a commit every 250) for variants of those documents,
// each into a fresh index, medians of RASD_RUNS rounds. Tells which term spaces cost what.
//
//   build/write_probe [N]       # default 6000 documents; RASD_CORPORA as for the other tools
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "bench/ant_documents.h"
#include "indexer/document_builder.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Variant {
  const char* name;
  std::function<Xapian::Document(const Xapian::Document&)> transform;
};

bool is_surface(const std::string& t) { return !t.empty() && static_cast<unsigned char>(t[0]) >= 0x80; }

Xapian::Document copy(const Xapian::Document& in, bool surface, bool positions, bool alts, bool data) {
  Xapian::Document out;
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
    const std::string term = *t;
    if (!surface && is_surface(term)) continue;
    const bool positional = t.positionlist_count() > 0;
    if (positional && positions) {
      if (!alts && t.get_wdf() == 0) continue;
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
        out.add_posting(term, *p, t.get_wdf() ? 1 : 0);
    } else if (!alts && positional && t.get_wdf() == 0) {
      continue;
    } else {
      out.add_term(term, std::max<Xapian::termcount>(t.get_wdf(), positional ? 1 : 0));
    }
  }
  for (auto v = in.values_begin(); v != in.values_end(); ++v) out.add_value(v.get_valueno(), *v);
  out.set_data(data ? in.get_data() : std::string("{}"));
  return out;
}

// Writes `docs` into a new index at `dir` as rasd does: a commit every 250 documents.
void write_docs(const std::vector<Xapian::Document>& docs, const std::string& dir, int flags = 0) {
  std::filesystem::remove_all(dir);
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE | flags);
  std::size_t n = 0;
  for (const auto& d : docs) {
    db.add_document(d);
    if (++n % 250 == 0) db.commit();
  }
  db.commit();
}

double write_all(const std::vector<Xapian::Document>& docs, const std::string& dir, int flags, std::uint64_t& bytes) {
  const auto start = Clock::now();
  write_docs(docs, dir, flags);
  const double s = std::chrono::duration<double>(Clock::now() - start).count();
  bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) bytes += e.file_size();
  std::filesystem::remove_all(dir);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t limit = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 6000;
  const int runs = std::getenv("RASD_RUNS") ? std::atoi(std::getenv("RASD_RUNS")) : 3;
  const auto analyzer = rasd::make_analyzer({});
  const rasd::DocumentBuilder builder(*analyzer);
  const auto t0 = Clock::now();
  const std::vector<Xapian::Document> built = rasd::bench::build_ant_documents(builder, limit);
  const double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("%zu documents read and built in %.2f s (%.0f us/doc, one thread)\n", built.size(), build_s,
              1e6 * build_s / built.size());

  const Variant variants[] = {
      {"as indexed", [](const Xapian::Document& d) { return copy(d, true, true, true, true); }},
      {"no surface terms", [](const Xapian::Document& d) { return copy(d, false, true, true, true); }},
      {"no alternatives", [](const Xapian::Document& d) { return copy(d, true, true, false, true); }},
      {"no positions", [](const Xapian::Document& d) { return copy(d, true, false, true, true); }},
      {"no stored data", [](const Xapian::Document& d) { return copy(d, true, true, true, false); }},
      {"no surface, no positions", [](const Xapian::Document& d) { return copy(d, false, false, true, true); }},
  };
  const std::string db = (std::filesystem::temp_directory_path() / "rasd-write-probe").string();
  {
    // Two parts written at once, one thread each, then merged by compaction.
    std::vector<Xapian::Document> halves[2];
    for (std::size_t i = 0; i < built.size(); ++i) halves[i % 2].push_back(built[i]);
    std::vector<double> times, merges;
    for (int r = 0; r < runs; ++r) {
      const auto start = Clock::now();
      std::thread other([&] { write_docs(halves[1], db + "-1"); });
      write_docs(halves[0], db + "-0");
      other.join();
      times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
      const auto m = Clock::now();
      Xapian::Database both(db + "-0");
      both.add_database(Xapian::Database(db + "-1"));
      std::filesystem::remove_all(db + "-merged");
      both.compact(db + "-merged");
      merges.push_back(std::chrono::duration<double>(Clock::now() - m).count());
      for (const char* s : {"-0", "-1", "-merged"}) std::filesystem::remove_all(db + s);
    }
    std::sort(times.begin(), times.end());
    std::sort(merges.begin(), merges.end());
    std::printf("%-26s %-12s %7.2f s %7.0f docs/s (+ %.2f s merge)\n", "as indexed, 2 parts", "",
                times[times.size() / 2], built.size() / times[times.size() / 2], merges[merges.size() / 2]);
  }
  for (const Variant& v : variants) {
    std::vector<Xapian::Document> docs;
    docs.reserve(built.size());
    for (const auto& d : built) docs.push_back(v.transform(d));
    for (int flags : {0, Xapian::DB_NO_TERMLIST}) {
      std::vector<double> times;
      std::uint64_t bytes = 0;
      for (int r = 0; r < runs; ++r) times.push_back(write_all(docs, db, flags, bytes));
      std::sort(times.begin(), times.end());
      const double med = times[times.size() / 2];
      std::printf("%-26s %-12s %7.2f s %7.0f docs/s %6.1f MiB\n", v.name, flags ? "no termlist" : "", med,
                  docs.size() / med, bytes / 1048576.0);
    }
  }
}
