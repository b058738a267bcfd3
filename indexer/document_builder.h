// From a cleaned Report to a Xapian document following schema.h: analysis of title and body,
// positional surface and stem terms, entity and date filter terms, values and stored JSON.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "analyzers/analyzer.h"
#include "indexer/copy_signature.h"
#include "indexer/report.h"

namespace rasd {

/// A document ready for the writer, which still adds the ingest sequence and cluster key.
struct BuiltDocument {
  std::string id;
  std::string id_term;
  std::string origin;
  Xapian::Document doc;
  std::string data;              // stored JSON (report.h) without "seq": the writer splices it in
  std::uint64_t content_hash = 0;  // the whole stored report: a re-run skips it when unchanged
  CopySignature copy;              // what copy detection compares (the body, wrappers stripped)
  bool dateline = false;           // the publication date came from the text
  std::optional<std::uint64_t> sequence;  // re-index: keep the ingest sequence it had
};

/// Hash of every stored field of a report: equal hashes mean nothing to re-index.
std::uint64_t content_hash(const Report& report);

/// Builds documents; const and thread-safe (the analyzer is shared).
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Analyzer& analyzer);
  ~DocumentBuilder();
  /// `memo` and `tagger_memo` (one each per thread) remember stems and the recognizer's word
  /// scores across the documents of a run.
  BuiltDocument build(Report report, const TermStats* stats, StemMemo* memo = nullptr,
                      ner::TaggerMemo* tagger_memo = nullptr) const;

 private:
  const Analyzer& analyzer_;
  std::unique_ptr<CopySigner> signer_;
};

}  // namespace rasd
