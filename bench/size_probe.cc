// What each part of rasd's schema costs on disk: builds rasd documents for N ANT articles, writes
// variants of them into fresh indexes, compacts each as a bulk build ends, and prints the size of
// every Xapian table next to the raw text. Tells which change could bring the index under 2x the
// raw text, and what it would give up.
//
//   build/size_probe [N]        # default 6000 documents; RASD_CORPORA as for the other tools
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/stop_words.h"
#include "bench/ant_documents.h"
#include "indexer/document_builder.h"
#include "index/schema.h"
#include "index/xapian_adapter.h"

namespace {

namespace fs = std::filesystem;

bool is_surface(const std::string& t) { return !t.empty() && static_cast<unsigned char>(t[0]) >= 0x80; }

struct Options {
  bool surface_equal_to_stem = true;  // surface terms spelled like a stem of the same document
  bool alternative_positions = true;  // positions of wdf-0 alternative stems
  bool stop_positions = true;         // positions of stop-word stems
  bool entity_labels = true;          // labels and texts of the stored entity mentions
};

Xapian::Document copy(const Xapian::Document& in, const Options& o, const rasd::WordSet& stops) {
  Xapian::Document out;
  std::vector<std::string> terms;
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) terms.push_back(*t);
  auto has = [&](const std::string& term) { return std::binary_search(terms.begin(), terms.end(), term); };
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
    const std::string term = *t;
    if (!o.surface_equal_to_stem && is_surface(term) && has(std::string(rasd::schema::kStem) + term)) continue;
    const bool positional = t.positionlist_count() > 0;
    const bool stem = term.rfind(rasd::schema::kStem, 0) == 0;
    bool keep_positions = positional;
    if (positional && !o.alternative_positions && t.get_wdf() == 0) keep_positions = false;
    if (positional && stem && !o.stop_positions && stops.count(term.substr(rasd::schema::kStem.size())))
      keep_positions = false;
    if (keep_positions) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out.add_posting(term, *p, t.get_wdf() ? 1 : 0);
    } else {
      out.add_term(term, t.get_wdf());
    }
  }
  for (auto v = in.values_begin(); v != in.values_end(); ++v) out.add_value(v.get_valueno(), *v);
  if (o.entity_labels) {
    out.set_data(in.get_data());
  } else {
    nlohmann::json j = nlohmann::json::parse(in.get_data());
    for (auto& e : j["entities"]) {
      e.erase("label_ar");
      e.erase("label_en");
      e.erase("text");
    }
    for (auto& d : j["dates"]) d.erase("text");
    out.set_data(j.dump());
  }
  return out;
}

struct Sizes {
  std::uintmax_t position = 0, docdata = 0, termlist = 0, postlist = 0, total = 0;
};

Sizes write_compacted(const std::vector<Xapian::Document>& docs, const std::string& dir) {
  fs::remove_all(dir);
  fs::remove_all(dir + "-compact");
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE);
    std::size_t n = 0;
    for (const auto& d : docs) {
      db.add_document(d);
      if (++n % 250 == 0) db.commit();
    }
    db.commit();
    db.compact(dir + "-compact");
  }
  Sizes s;
  for (const auto& e : fs::directory_iterator(dir + "-compact")) {
    const std::string name = e.path().filename().string();
    const std::uintmax_t b = e.file_size();
    s.total += b;
    if (name == "position.glass") s.position = b;
    if (name == "docdata.glass") s.docdata = b;
    if (name == "termlist.glass") s.termlist = b;
    if (name == "postlist.glass") s.postlist = b;
  }
  fs::remove_all(dir);
  fs::remove_all(dir + "-compact");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t limit = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 6000;
  const auto analyzer = rasd::make_analyzer({});
  const rasd::DocumentBuilder builder(*analyzer);
  const rasd::WordSet stops = rasd::load_stop_words();
  std::uintmax_t raw = 0;  // the reports' title and body bytes, as read
  const std::vector<Xapian::Document> built = rasd::bench::build_ant_documents(builder, limit, &raw);
  std::printf("%zu documents, %.1f MiB of title and body text\n\n", built.size(), raw / 1048576.0);
  std::printf("| variant | positions | data | termlist | postlist | total MiB | x text |\n|---|---|---|---|---|---|---|\n");

  struct Variant {
    const char* name;
    Options options;
  };
  const Variant variants[] = {
      {"as indexed", {}},
      {"no surface term spelled like a stem", {.surface_equal_to_stem = false}},
      {"alternatives without positions", {.alternative_positions = false}},
      {"stop words without positions", {.stop_positions = false}},
      {"entities stored without labels and texts", {.entity_labels = false}},
      {"all four", {false, false, false, false}},
  };
  const std::string db = (fs::temp_directory_path() / "rasd-size-probe").string();
  constexpr double MiB = 1048576.0;
  for (const Variant& v : variants) {
    std::vector<Xapian::Document> docs;
    docs.reserve(built.size());
    for (const auto& d : built) docs.push_back(copy(d, v.options, stops));
    const Sizes s = write_compacted(docs, db);
    std::printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", v.name, s.position / MiB, s.docdata / MiB,
                s.termlist / MiB, s.postlist / MiB, s.total / MiB, double(s.total) / raw);
  }
}
