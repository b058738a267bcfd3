// JSON Lines: one report per line, {id, title, body, source, url, published, lang} with any other
// keys kept as extra; SaudiNewsNet lines are recognised and mapped (read_saudinewsnet.cc).
#include <algorithm>

#include "indexer/input.h"
#include "indexer/iso_date.h"
#include "indexer/jsonl_mapping.h"
#include "indexer/readers.h"

namespace rasd {
namespace {

void map_rasd(const nlohmann::json& object, Report& r, ReadOutcome& out) {
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [key, value] : object.items()) {
    if (key == "id") r.id = json_text(value);
    else if (key == "title") r.title = json_text(value);
    else if (key == "body" || key == "text") r.body = json_text(value);
    else if (key == "source") r.source = json_text(value);
    else if (key == "url") r.url = json_text(value);
    else if (key == "lang") r.lang = json_text(value);
    else if (key == "published" || key == "date") {
      const std::string raw = json_text(value);
      if (auto d = canonical_date(raw)) r.published = *d;
      else if (!raw.empty())
        out.warnings.push_back({r.origin, "bad date", r.origin + ": '" + raw + "' is not a date, ignored"});
    } else {
      extra[key] = value;
    }
  }
  if (!extra.empty()) r.extra_json = extra.dump();
}

}  // namespace

std::string json_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  return value.dump();
}

void read_jsonl(const InputFile& file, std::string_view text, ReadOutcome& out) {
  std::size_t pos = 0;
  std::size_t line_no = 0;
  const std::string base_id = id_from_relative_path(file.relative);
  while (pos < text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) continue;
    const std::string where = file.path + ":" + std::to_string(line_no);
    nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      out.skipped.push_back({where, "malformed JSON", where + ": skipped, the line is not a JSON object"});
      continue;
    }
    Report r;
    r.origin = where;
    if (is_saudinewsnet(object)) map_saudinewsnet(object, r);
    else map_rasd(object, r, out);
    if (r.id.empty()) r.id = base_id + ":" + std::to_string(line_no);
    out.reports.push_back(std::move(r));
  }
}

}  // namespace rasd
