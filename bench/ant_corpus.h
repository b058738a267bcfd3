// Reads the ANT corpus in place (../shared/corpora/ant-multisource/docs/*.trec.gz): the title
// and <TEXT> body of every document, for the analyzer benchmarks and the stemmer lexicon tool.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

namespace rasd::bench {

/// The corpora folder: $RASD_CORPORA, else ../shared/corpora relative to the working directory.
inline std::filesystem::path corpora_dir() {
  if (const char* env = std::getenv("RASD_CORPORA")) return env;
  return "../shared/corpora";
}

/// The whole decompressed content of a .gz file.
inline std::string read_gzip(const std::filesystem::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path.string());
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

/// The text between `open` and `close` tags starting the search at `from`; npos-safe.
inline std::string_view between(std::string_view doc, std::string_view open, std::string_view close) {
  const auto a = doc.find(open);
  if (a == std::string_view::npos) return {};
  const auto b = doc.find(close, a + open.size());
  if (b == std::string_view::npos) return {};
  return doc.substr(a + open.size(), b - a - open.size());
}

/// One string per ANT document: its <TEXT> body, preceded by its title and a newline when
/// `with_title` (the peers' throughput runs measure the <TEXT> bodies alone).
inline std::vector<std::string> load_ant_texts(bool with_title) {
  const auto dir = corpora_dir() / "ant-multisource" / "docs";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().string().ends_with(".trec.gz")) files.push_back(e.path());
  if (files.empty()) throw std::runtime_error("no ANT files in " + dir.string() + " (set RASD_CORPORA)");
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  for (const auto& p : files) {
    const std::string all = read_gzip(p);
    std::string_view rest = all;
    for (;;) {
      const auto end = rest.find("</DOC>");
      if (end == std::string_view::npos) break;
      const std::string_view doc = rest.substr(0, end);
      rest.remove_prefix(end + 6);
      std::string text;
      if (with_title) {
        text = between(doc, "<TITLE>", "</TITLE>");
        text += '\n';
      }
      text += between(doc, "<TEXT>", "</TEXT>");
      docs.push_back(std::move(text));
    }
  }
  return docs;
}

}  // namespace rasd::bench
