#include "indexer/readers.h"

#include <algorithm>

#include "analyzers/utf8.h"
#include "indexer/clean.h"

namespace rasd {
namespace {

constexpr std::size_t kSniffBytes = 8192;
constexpr char kBom[] = "\xEF\xBB\xBF";

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// A NUL byte, or many control characters, in the first block: not text.
bool looks_binary(std::string_view s) {
  const std::string_view head = s.substr(0, kSniffBytes);
  std::size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 10 > head.size();
}

// Cuts `body` to at most `limit` bytes, at a line end when one is near, never inside a character.
void truncate_body(std::string& body, std::size_t limit) {
  std::size_t cut = limit;
  const std::size_t nl = body.rfind('\n', cut);
  if (nl != std::string::npos && nl > limit - limit / 8) cut = nl;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  body.resize(cut);
}

void finish(const InputFile& file, const ReadOptions& options, const Cleaner& cleaner, ReadOutcome& out) {
  std::vector<Report> kept;
  kept.reserve(out.reports.size());
  for (Report& r : out.reports) {
    if (r.origin.empty()) r.origin = file.path;
    if (r.id.empty()) r.id = id_from_relative_path(file.relative);
    if (r.source.empty()) r.source = options.source;
    if (r.body.size() > options.max_document_bytes) {
      const std::size_t before = r.body.size();
      truncate_body(r.body, options.max_document_bytes);
      out.warnings.push_back({r.origin, "truncated", r.origin + ": document '" + r.id + "' truncated from " +
                                                         std::to_string(before) + " to " +
                                                         std::to_string(r.body.size()) + " bytes"});
    }
    r.title = Cleaner::clean_title(r.title);
    r.body = cleaner.clean_body(r.body, r.title);
    if (r.title.empty() && r.body.empty()) {
      out.skipped.push_back({r.origin, "empty document", r.origin + ": document '" + r.id + "' has no text"});
      continue;
    }
    kept.push_back(std::move(r));
  }
  out.reports = std::move(kept);
}

}  // namespace

ReadOutcome read_reports(const InputFile& file, std::string bytes, const ReadOptions& options, const Cleaner& cleaner) {
  ReadOutcome out;
  if (blank(bytes)) {
    out.skipped.push_back({file.path, "empty file", file.path + ": skipped, the file is empty"});
    return out;
  }
  if (looks_binary(bytes)) {
    out.skipped.push_back({file.path, "binary file", file.path + ": skipped, the file is binary, not text"});
    return out;
  }
  if (!utf8::is_valid(bytes)) {
    std::size_t repaired = 0;
    bytes = utf8::repair(bytes, &repaired);
    out.warnings.push_back({file.path, "invalid UTF-8", file.path + ": " + std::to_string(repaired) +
                                                            " invalid UTF-8 byte(s) replaced with U+FFFD"});
  }
  std::string_view text = bytes;
  if (text.substr(0, 3) == kBom) text.remove_prefix(3);
  switch (detect_format(file, bytes, options.format)) {
    case Format::Html: read_html(file, text, out); break;
    case Format::Jsonl: read_jsonl(file, text, out); break;
    case Format::Trec: read_trec(file, text, out); break;
    case Format::Txt:
    case Format::Auto: read_txt(file, text, cleaner, out); break;
  }
  finish(file, options, cleaner, out);
  return out;
}

}  // namespace rasd
