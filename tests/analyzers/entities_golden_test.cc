// The entities and dates of each seed article against fixtures/golden/entities.tsv, a file
// checked by hand against the texts. RASD_UPDATE_GOLDEN=1 rewrites it (then check the diff!).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// seed, kind, type or precision, id or value, country, start, end, original text.
std::vector<std::string> lines_for(const rasd::Analyzer& a, const std::string& seed, const std::string& text) {
  std::vector<std::string> out;
  const rasd::Analysis r = a.analyze(text);
  for (const rasd::EntityMention& e : r.entities)
    out.push_back(seed + "\tentity\t" + rasd::to_string(e.type) + "\t" + e.id + "\t" + e.country + "\t" +
                  std::to_string(e.start) + "\t" + std::to_string(e.end) + "\t" + text.substr(e.start, e.end - e.start));
  for (const rasd::DateMention& d : r.dates)
    out.push_back(seed + "\tdate\t" + rasd::to_string(d.precision) + "\t" + d.value + "\t\t" + std::to_string(d.start) +
                  "\t" + std::to_string(d.end) + "\t" + text.substr(d.start, d.end - d.start));
  return out;
}

}  // namespace

TEST_CASE("seed articles: entities and dates match the hand-checked golden file") {
  const fs::path root(RASD_SOURCE_DIR);
  std::vector<fs::path> seeds;
  for (const auto& d : fs::directory_iterator(root / "fixtures/seeds"))
    if (d.path().extension() == ".txt") seeds.push_back(d.path());
  std::sort(seeds.begin(), seeds.end());
  REQUIRE(seeds.size() >= 5);
  const rasd::Analyzer a({rasd::StemmerKind::Light, ""});
  std::vector<std::string> got;
  for (const fs::path& p : seeds) {
    std::vector<std::string> l = lines_for(a, p.stem().string(), read(p));
    got.insert(got.end(), l.begin(), l.end());
  }
  const fs::path golden = root / "fixtures/golden/entities.tsv";
  if (const char* update = std::getenv("RASD_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream out(golden, std::ios::binary);
    out << "# seed\tkind\ttype|precision\tid|value\tcountry\tstart\tend\ttext  (checked by hand)\n";
    for (const std::string& l : got) out << l << '\n';
  }
  std::vector<std::string> want;
  std::istringstream in(read(golden));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.front() != '#') want.push_back(line);
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    CAPTURE(i);
    CHECK((i < got.size() ? got[i] : "(missing)") == (i < want.size() ? want[i] : "(extra)"));
    if (i < got.size() && i < want.size() && got[i] != want[i]) break;  // one mismatch is enough to read
  }
  CHECK(got.size() == want.size());
}
