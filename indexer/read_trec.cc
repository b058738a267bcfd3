// TREC/CLEF-style <DOC> records as the ANT corpus ships them: tags on their own lines, text not
// entity-escaped, so records are cut by plain string search rather than an XML parser.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "indexer/iso_date.h"
#include "indexer/readers.h"

namespace rasd {
namespace {

std::string_view field(std::string_view doc, std::string_view tag) {
  std::string open(1, '<');
  open.append(tag).push_back('>');
  std::string close("</");
  close.append(tag).push_back('>');
  const auto b = doc.find(open);
  if (b == std::string_view::npos) return {};
  const auto start = b + open.size();
  const auto e = doc.find(close, start);
  std::string_view v = doc.substr(start, (e == std::string_view::npos ? doc.size() : e) - start);
  while (!v.empty() && (v.front() == '\n' || v.front() == '\r' || v.front() == ' ')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r' || v.back() == ' ')) v.remove_suffix(1);
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

Report to_report(const InputFile& file, std::string_view doc, std::size_t line) {
  Report r;
  r.origin = file.path + ":" + std::to_string(line);
  r.id = std::string(field(doc, "DOCNO"));
  r.title = std::string(field(doc, "TITLE"));
  r.url = std::string(field(doc, "URL"));
  r.source = lower(field(doc, "SRC"));
  if (auto d = canonical_date(field(doc, "TIME"))) r.published = *d;
  // The abstract is the lead sentence; it is left out when the text already holds it (often
  // behind a dateline: "واشنطن (CNN)-- <abstract>").
  std::string_view abstract = field(doc, "ABSTRACT");
  const std::string_view text = field(doc, "TEXT");
  if (!abstract.empty() && text.find(abstract) != std::string_view::npos) abstract = {};
  r.body.reserve(abstract.size() + text.size() + 1);
  r.body.append(abstract);
  if (!abstract.empty()) r.body.push_back('\n');
  r.body.append(text);
  nlohmann::json extra = nlohmann::json::object();
  if (auto cat = field(doc, "CAT"); !cat.empty()) extra["category"] = std::string(cat);
  if (auto author = field(doc, "AUTHOR"); !author.empty()) extra["author"] = std::string(author);
  if (!extra.empty()) r.extra_json = extra.dump();
  return r;
}

}  // namespace

void read_trec(const InputFile& file, std::string_view text, ReadOutcome& out) {
  std::size_t pos = 0;
  std::size_t line = 1;
  std::size_t line_at = 0;
  while ((pos = text.find("<DOC>", pos)) != std::string_view::npos) {
    auto end = text.find("</DOC>", pos);
    if (end == std::string_view::npos) end = text.size();
    line += line_of(text.substr(line_at), pos - line_at) - 1;
    line_at = pos;
    Report r = to_report(file, text.substr(pos, end - pos), line);
    if (r.id.empty())
      out.skipped.push_back({r.origin, "record without id", r.origin + ": <DOC> record without <DOCNO> skipped"});
    else
      out.reports.push_back(std::move(r));
    pos = end;
  }
}

}  // namespace rasd
