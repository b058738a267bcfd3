// A report as the readers produce it, before cleaning and analysis.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rasd {

/// One news article or agency release. Readers fill what their format carries.
struct Report {
  std::string id;         // from metadata, else the path relative to the folder given, no extension
  std::string title;
  std::string body;
  std::string source;     // e.g. "bbc", "aawsat"; empty if unknown
  std::string url;
  std::optional<std::string> published;  // "YYYY-MM-DD" (or with time "YYYY-MM-DDTHH:MM:SSZ")
  bool dated_from_text = false;           // `published` read from a date line of the text
  std::string lang = "ar";
  std::string extra_json;  // unknown JSONL keys, as a JSON object text ("" when none)
  std::string origin;      // "file:line" or path, for messages
};

// Stored document data (JSON) written by the indexer and read by the searcher:
// {"id","title","source","url","published","lang","seq",
//  "text": cleaned body,
//  "entities":[{"type","id","label_ar","label_en","start","end","text","field"}],  // field: "title"|"text"
//  "dates":[{"value","precision","start","end","text","field"}],
//  "extra":{...}}
// Spans are byte offsets into the stored "title" or "text" named by "field".
// "published" is the Report's date (null when unknown, or the dateline's day); "seq" is the
// ingest sequence (as the kSequence value); "extra" holds unknown JSONL keys, txt's "section",
// TREC's "category"/"author", SaudiNewsNet's "author"/"date_extracted" ({} when none).

}  // namespace rasd
