#include "indexer/corpus_stats.h"

#include <algorithm>
#include <vector>

#include "index/schema.h"
#include "index/cluster.h"

namespace rasd {

void BatchCounts::merge(BatchCounts&& other) {
  if (doc_freq.empty()) {
    doc_freq = std::move(other.doc_freq);
  } else {
    for (auto& [word, n] : other.doc_freq) doc_freq[word] += n;
  }
  docs += other.docs;
}

void count_report(const Analyzer& analyzer, const Report& r, BatchCounts& counts) {
  std::vector<Token> tokens = analyzer.tokenize(r.title);
  std::vector<Token> body = analyzer.tokenize(r.body);
  std::vector<std::string_view> words;
  words.reserve(tokens.size() + body.size());
  for (const Token& t : tokens) words.push_back(t.norm);
  for (const Token& t : body) words.push_back(t.norm);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (std::string_view w : words) {
    auto it = counts.doc_freq.find(w);
    if (it == counts.doc_freq.end()) counts.doc_freq.emplace(std::string(w), 1);
    else ++it->second;
  }
  ++counts.docs;
}

CorpusStats::CorpusStats(const BatchCounts* batch, const std::string& index_dir) : batch_(batch) {
  if (index_dir.empty()) return;
  try {
    if (is_cluster_file(index_dir)) db_.emplace(open_cluster_snapshot(index_dir).db);
    else db_.emplace(index_dir);
    db_docs_ = db_->get_doccount();
  } catch (const Xapian::DatabaseOpeningError&) {
    db_.reset();  // a new index: no committed statistics yet
  }
  if (db_docs_ == 0) db_.reset();
}

std::uint32_t CorpusStats::doc_freq(std::string_view norm) const {
  std::uint32_t n = 0;
  if (batch_) {
    auto it = batch_->doc_freq.find(norm);
    if (it != batch_->doc_freq.end()) n = it->second;
  }
  if (db_) {
    const std::string term(norm);
    try {
      n += db_->get_termfreq(term);
    } catch (const Xapian::DatabaseModifiedError&) {
      db_->reopen();  // the writer committed twice since this snapshot
      n += db_->get_termfreq(term);
    }
  }
  return n;
}

bool CorpusStats::stored_unchanged(const std::string& id_term, const std::string& content_hash_hex) const {
  if (!db_) return false;
  auto lookup = [&] {
    auto p = db_->postlist_begin(id_term);
    if (p == db_->postlist_end(id_term)) return false;
    return db_->get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHash) == content_hash_hex;
  };
  try {
    return lookup();
  } catch (const Xapian::DatabaseModifiedError&) {
    db_->reopen();
    return lookup();
  }
}

std::uint32_t CorpusStats::doc_count() const { return db_docs_ + (batch_ ? batch_->docs : 0); }

}  // namespace rasd
