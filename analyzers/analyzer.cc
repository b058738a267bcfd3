#include "analyzers/analyzer.h"

#include <cstdio>

#include "analyzers/stem/stem_memo.h"

#include "analyzers/dates/dates.h"
#include "analyzers/embedded.h"
#include "analyzers/entities/entities.h"
#include "analyzers/entities/model_mentions.h"
#include "analyzers/ner/features.h"
#include "analyzers/ner/model.h"
#include "analyzers/ner/tagger.h"
#include "error/error.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/stem/light_stemmer.h"
#include "analyzers/name_forms.h"
#include "analyzers/normalizer.h"
#include "analyzers/stop_words.h"
#include "analyzers/tokenizer.h"

namespace rasd {

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::Country: return "country";
    case EntityType::Organization: return "org";
    case EntityType::Person: return "person";
    case EntityType::Place: return "place";
  }
  return "country";
}

const char* to_string(MentionSource source) {
  switch (source) {
    case MentionSource::Gazetteer: return "gazetteer";
    case MentionSource::Pattern: return "pattern";
    case MentionSource::Model: return "model";
  }
  return "gazetteer";
}

const char* to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::Year: return "year";
    case DatePrecision::Month: return "month";
    case DatePrecision::Day: return "day";
  }
  return "year";
}

Analyzer::Analyzer(AnalyzerConfig config, std::unique_ptr<WordStemmer> snowball)
    : config_(std::move(config)),
      normalizer_(std::make_unique<Normalizer>()),
      tokenizer_(std::make_unique<Tokenizer>()),
      stop_words_(load_stop_words()),
      gazetteer_(Gazetteer::load(config_.gazetteer_dir)) {
  switch (config_.stemmer) {
    case StemmerKind::Light:
      stemmer_ = make_light_stemmer(gazetteer_->protected_words());
      break;
    case StemmerKind::Snowball:
      if (!snowball) throw Error("the snowball stemmer needs its Xapian adapter");
      stemmer_ = std::move(snowball);
      break;
    case StemmerKind::None:
      stemmer_ = make_identity_stemmer();
      break;
  }
  stop_filter_ = std::make_unique<WordFilter>(12);
  for (const std::string& w : stop_words_) stop_filter_->add(w);
  entities_ = std::make_unique<EntityExtractor>(*gazetteer_);
  dates_ = std::make_unique<DateExtractor>();
  load_recognizer();
}

void Analyzer::load_recognizer() {
  const std::string_view bytes = config_.recognizer == Recognizer::Builtin ? embedded_file("ner_model.bin")
                                 : config_.recognizer == Recognizer::Given ? std::string_view(config_.recognizer_model)
                                                                            : std::string_view();
  if (bytes.empty()) return;  // no model: the gazetteer alone
  ner_model_ = std::make_unique<ner::Model>(bytes);
  const WordStemmer* light = stemmer_.get();
  if (config_.stemmer != StemmerKind::Light) {
    ner_stemmer_ = make_light_stemmer(gazetteer_->protected_words());
    light = ner_stemmer_.get();
  }
  ner_features_ = std::make_unique<ner::FeatureExtractor>(*gazetteer_, *light, ner_model_.get());
  tagger_ = std::make_unique<ner::Tagger>(*ner_model_, *ner_features_);
  std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a: a model changes the entities of a text
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  ner_digest_.assign(hex, 8);
}

Analyzer::~Analyzer() = default;

std::string Analyzer::name() const {
  return std::string("rasd-") + to_string(config_.stemmer) + "/" + std::to_string(kAnalyzerVersion) +
         "/g" + gazetteer_->fingerprint() + (ner_digest_.empty() ? "" : "/m" + ner_digest_);
}

std::string Analyzer::normalize(std::string_view text) const { return normalizer_->normalize_text(text); }

bool Analyzer::is_stop_word(std::string_view norm) const {
  return stop_filter_->may_contain(norm) && stop_words_.find(norm) != stop_words_.end();
}

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> tokens = tokenizer_->tokenize(normalizer_->normalize(text));
  for (Token& t : tokens) t.stop = is_stop_word(t.norm);
  return tokens;
}

StemResult Analyzer::stem(std::string_view norm, const TermStats* stats) const { return stemmer_->stem(norm, stats); }

Analysis Analyzer::analyze(std::string_view text, const AnalyzeContext& ctx) const {
  Analysis a;
  a.tokens = tokenize(text);
  if (ctx.extraction != Extraction::TokensOnly) {
    a.entities = entities_->extract(text, a.tokens);
    if (tagger_ && ctx.extraction == Extraction::Full) {
      const std::vector<ner::Span> spans = tagger_->tag(text, a.tokens, a.entities, ctx.tagger_memo);
      a.entities = add_model_mentions(*gazetteer_, text, a.tokens, std::move(a.entities), spans);
    }
    a.dates = dates_->extract(text, a.tokens, ctx.published);
    std::size_t t = 0;
    for (const EntityMention& e : a.entities) {  // both sorted by position
      while (t < a.tokens.size() && a.tokens[t].pos < e.first_pos) ++t;
      for (std::size_t k = t; k < a.tokens.size() && a.tokens[k].pos <= e.last_pos; ++k) a.tokens[k].keyword = true;
    }
  }
  for (Token& tok : a.tokens) {
    if (ctx.memo) {
      if (const StemResult* known = ctx.memo->find(tok.norm)) {
        tok.stem = known->stem;
        tok.alts = known->alts;
        continue;
      }
    }
    StemResult r = stemmer_->stem(tok.norm, ctx.stats);
    if (ctx.memo) ctx.memo->put(tok.norm, r);
    tok.stem = std::move(r.stem);
    tok.alts = std::move(r.alts);
  }
  return a;
}

}  // namespace rasd
