#include "indexer/input.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <zlib.h>

#include "error/error.h"

namespace rasd {
namespace fs = std::filesystem;
namespace {

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string strip_gz(const std::string& name) { return ends_with(lower(name), ".gz") ? name.substr(0, name.size() - 3) : name; }

const char* const kKnownExtensions[] = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".trec"};

void add_file(const fs::path& p, const fs::path& base, std::vector<InputFile>& out) {
  InputFile f;
  f.path = p.string();
  f.relative = base.empty() ? p.filename().string() : fs::relative(p, base).generic_string();
  std::error_code ec;
  f.size = fs::file_size(p, ec);
  out.push_back(std::move(f));
}

void add_directory(const fs::path& dir, std::vector<InputFile>& out) {
  std::vector<fs::path> files;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied);
  for (; it != fs::recursive_directory_iterator(); ++it) {
    if (hidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) add_file(p, dir, out);
}

}  // namespace

const char* to_string(Format format) {
  switch (format) {
    case Format::Auto: return "auto";
    case Format::Txt: return "txt";
    case Format::Html: return "html";
    case Format::Jsonl: return "jsonl";
    case Format::Trec: return "trec";
  }
  return "auto";
}

Format parse_format(const std::string& name) {
  for (Format f : {Format::Auto, Format::Txt, Format::Html, Format::Jsonl, Format::Trec})
    if (name == to_string(f)) return f;
  throw InvalidInput("unknown format '" + name + "': use auto, txt, html, jsonl or trec");
}

std::vector<InputFile> list_inputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({"-", "stdin", 0});
      continue;
    }
    const fs::path p(path);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      add_directory(p, out);
    } else if (fs::is_regular_file(p, ec)) {
      add_file(p, {}, out);
    } else {
      throw InvalidInput("no such file or directory: '" + path + "'");
    }
  }
  return out;
}

std::string read_input_bytes(const InputFile& file) {
  if (file.path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  // gzread reads plain files unchanged, so one path serves both.
  gzFile gz = gzopen(file.path.c_str(), "rb");
  if (gz == nullptr) throw InvalidInput("cannot open '" + file.path + "'");
  gzbuffer(gz, 1 << 17);
  std::string out;
  out.reserve(file.size);
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(gz, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  int err = 0;
  const char* msg = n < 0 ? gzerror(gz, &err) : nullptr;
  const std::string message = msg ? msg : "";
  gzclose(gz);
  if (n < 0) throw InvalidInput("cannot read '" + file.path + "': " + message);
  return out;
}

std::string id_from_relative_path(const std::string& relative) {
  std::string id = strip_gz(relative);
  const std::string low = lower(id);
  for (const char* ext : kKnownExtensions)
    if (ends_with(low, ext)) return id.substr(0, id.size() - std::char_traits<char>::length(ext));
  const auto slash = id.find_last_of('/');
  const auto dot = id.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) id.resize(dot);
  return id;
}

Format detect_format(const InputFile& file, const std::string& bytes, Format forced) {
  if (forced != Format::Auto) return forced;
  const std::string head = lower(bytes.substr(0, 1024));
  const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const std::string start = first == std::string::npos ? "" : head.substr(first);
  // Strong content signals first: a .txt of <DOC> records is TREC.
  if (start.rfind("<doc>", 0) == 0) return Format::Trec;
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0) return Format::Html;
  const std::string name = lower(strip_gz(file.path == "-" ? "stdin.jsonl" : file.path));
  if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml")) return Format::Html;
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json")) return Format::Jsonl;
  if (ends_with(name, ".trec")) return Format::Trec;
  if (ends_with(name, ".txt") || ends_with(name, ".text")) return Format::Txt;
  if (start.rfind("{", 0) == 0) return Format::Jsonl;
  if (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos) return Format::Html;
  return Format::Txt;
}

}  // namespace rasd
