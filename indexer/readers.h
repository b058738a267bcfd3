// Turning the bytes of one input file into Reports: format readers plus the checks every
// input gets (binary or empty files, invalid UTF-8, oversized documents).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/input.h"
#include "indexer/report.h"

namespace rasd {

class Cleaner;

/// Something a user should hear about: where (file or file:line) and what.
struct Issue {
  std::string where;
  std::string reason;  // short, stable: "binary file", "malformed JSON", ... (summary groups)
  std::string detail;  // the full sentence
};

/// What reading one file produced.
struct ReadOutcome {
  std::vector<Report> reports;
  std::vector<Issue> warnings;  // the input was indexed, but changed (repaired, truncated)
  std::vector<Issue> skipped;   // a file or a record that was not indexed
};

/// How files are read.
struct ReadOptions {
  Format format = Format::Auto;
  std::size_t max_document_bytes = 4u << 20;  // longer bodies are truncated with a warning
  std::string source;                          // --source: used when a report names none
};

/// Reads `bytes` of `file` into cleaned reports (see clean.h); never throws on content.
ReadOutcome read_reports(const InputFile& file, std::string bytes, const ReadOptions& options, const Cleaner& cleaner);

// ---- The format readers (each in its own read_<format>.cc) ------------------------------
// They fill reports with raw fields; read_reports() then repairs, truncates and cleans.

/// Plain text: the first meaningful line is the title (a leading short section label such as
/// "دولي" is kept as extra.section), the rest is the body.
void read_txt(const InputFile& file, std::string_view text, const Cleaner& cleaner, ReadOutcome& out);

/// A scraped news page: title, publication date from metadata, the article body.
void read_html(const InputFile& file, std::string_view text, ReadOutcome& out);

/// JSON Lines: rasd's own shape or SaudiNewsNet's (see read_saudinewsnet.cc).
void read_jsonl(const InputFile& file, std::string_view text, ReadOutcome& out);

/// TREC <DOC> records as in the ANT corpus.
void read_trec(const InputFile& file, std::string_view text, ReadOutcome& out);

}  // namespace rasd
