// The one Analyzer that index and query share: normalise -> tokenize -> stop words ->
// entities and dates (which protect their tokens) -> stem. Built from a config; its name and
// version are recorded in every index it builds.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/stem/stemmer.h"
#include "analyzers/token.h"
#include "analyzers/word_set.h"

namespace rasd {

class Gazetteer;
class StemMemo;
class Normalizer;
class WordFilter;
class Tokenizer;
class EntityExtractor;
class DateExtractor;
namespace ner {
class Model;
class FeatureExtractor;
class Tagger;
class TaggerMemo;
}  // namespace ner

/// Bumped whenever a change alters the terms produced for some text: indexes built by another
/// version are refused with a message to re-index.
inline constexpr int kAnalyzerVersion = 2;

/// Which trained mention recognizer (analyzers/ner/) runs beside the gazetteer.
enum class Recognizer {
  Builtin,  // analyzers/data/ner_model.bin, compiled in
  None,     // the gazetteer and its patterns alone
  Given,    // the model file in AnalyzerConfig::recognizer_model (the trainer's folds)
};

/// How an Analyzer is built.
struct AnalyzerConfig {
  AnalyzerConfig(StemmerKind s = StemmerKind::Light, std::string dir = {}, Recognizer r = Recognizer::Builtin,
                 std::string model = {})
      : stemmer(s), gazetteer_dir(std::move(dir)), recognizer(r), recognizer_model(std::move(model)) {}
  StemmerKind stemmer = StemmerKind::Light;
  std::string gazetteer_dir;  // extra or overriding gazetteer entries; empty for the built-in only
  Recognizer recognizer = Recognizer::Builtin;
  std::string recognizer_model;  // Recognizer::Given: the model file's bytes
};

/// What a single analysis should do beyond tokens.
enum class Extraction {
  TokensOnly,
  Known,  // entities the gazetteer and its patterns know, and dates: for queries and labels,
          // too short for the recognizer to read
  Full,   // and the recognizer's mentions: for documents
};

/// Per-call context: corpus evidence for the stemmer and the publication date (ISO day) that
/// relative dates resolve against.
struct AnalyzeContext {
  const TermStats* stats = nullptr;
  std::optional<std::string> published;  // "YYYY-MM-DD" when known
  Extraction extraction = Extraction::Full;
  StemMemo* memo = nullptr;  // this thread's stems under `stats` (stem_memo.h); none: no memo
  ner::TaggerMemo* tagger_memo = nullptr;  // this thread's recognizer word scores; none: no memo
};

class Analyzer {
 public:
  /// `snowball` must be supplied when config.stemmer is Snowball (the indexer's Xapian adapter).
  explicit Analyzer(AnalyzerConfig config, std::unique_ptr<WordStemmer> snowball = nullptr);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// Full analysis of `text` (any bytes: invalid UTF-8 is read as U+FFFD). Never throws on text.
  Analysis analyze(std::string_view text, const AnalyzeContext& ctx = {}) const;

  /// Normalised form of a query word or label, no stemming (Lucene's normalize()).
  std::string normalize(std::string_view text) const;

  /// Normalised tokens with spans, positions and stop flags; no entities, no stems.
  std::vector<Token> tokenize(std::string_view text) const;

  /// Stem of one normalised word, honouring protected names.
  StemResult stem(std::string_view norm, const TermStats* stats = nullptr) const;

  bool is_stop_word(std::string_view norm) const;

  const AnalyzerConfig& config() const { return config_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  /// The recognizer's model, or null when the analyzer runs none.
  const ner::Model* recognizer() const { return ner_model_.get(); }
  /// e.g. "rasd-light/1": stored in the index and compared on open.
  std::string name() const;

 private:
  void load_recognizer();
  AnalyzerConfig config_;
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<Tokenizer> tokenizer_;
  WordSet stop_words_;
  std::unique_ptr<WordFilter> stop_filter_;  // cheap first test before the stop-word set
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<WordStemmer> stemmer_;
  std::unique_ptr<EntityExtractor> entities_;
  std::unique_ptr<DateExtractor> dates_;
  std::unique_ptr<WordStemmer> ner_stemmer_;  // light, whatever the index's stemmer: features
  std::unique_ptr<ner::Model> ner_model_;
  std::unique_ptr<ner::FeatureExtractor> ner_features_;
  std::unique_ptr<ner::Tagger> tagger_;
  std::string ner_digest_;  // of the model file: part of name()
};

}  // namespace rasd
