// Scoring and Viterbi decoding of the recognizer (tagger.h).
#include "analyzers/ner/tagger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "error/error.h"

namespace rasd::ner {
namespace {

int type_code(std::string_view name) {
  if (name == "PERS") return static_cast<int>(EntityType::Person);
  if (name == "LOC") return static_cast<int>(EntityType::Place);
  if (name == "ORG") return static_cast<int>(EntityType::Organization);
  return -1;  // MISC: learned, never reported
}

}  // namespace

const WordScores& TaggerMemo::put(std::string key, WordScores s) {
  if (map_.size() >= kMaxWords) {
    overflow_ = std::move(s);
    return overflow_;
  }
  return map_.emplace(std::move(key), std::move(s)).first->second;
}

Tagger::Tagger(const Model& model, const FeatureExtractor& features)
    : model_(model), features_(features), k_(model.classes()) {
  for (std::size_t c = 0; c < k_; ++c) {
    const std::string& n = model.class_name(c);
    const bool b = n.size() > 2 && n[0] == 'B' && n[1] == '-', i = n.size() > 2 && n[0] == 'I' && n[1] == '-';
    if (!b && !i && n != "O") throw Error("analyzers/data/ner_model.bin: unknown tag " + n);
    type_of_.push_back(b || i ? type_code(std::string_view(n).substr(2)) : -1);
    begins_.push_back(b);
    continues_.push_back(-1);
    if (i)
      for (std::size_t o = 0; o < k_; ++o)
        if (model.class_name(o) == "B-" + n.substr(2)) continues_.back() = static_cast<int>(o);
  }
  previous_.assign((k_ + 1) * k_, 0);  // row k_: before the first token
  for (std::size_t b = 0; b <= k_; ++b)
    if (const std::int16_t* w = model_.weights(previous_tag(b == k_ ? "^" : model.class_name(b))))
      for (std::size_t c = 0; c < k_; ++c) previous_[b * k_ + c] = model_.scale() * static_cast<float>(w[c]);
  mention_weights_.assign(3 * kMentionTags * k_, 0);
  for (int d = -1; d <= 1; ++d)
    for (std::uint8_t t = 0; t < kMentionTags; ++t)
      if (const std::int16_t* w = model_.weights(mention_key(t, d)))
        for (std::size_t c = 0; c < k_; ++c)
          mention_weights_[(static_cast<std::size_t>(d + 1) * kMentionTags + t) * k_ + c] = w[c];
  gap_weights_.assign(2 * 128 * k_, 0);
  for (int side = 0; side < 2; ++side)
    for (char cls : kGapClasses)
      if (const std::int16_t* w = model_.weights(gap_key(cls, side == 0)))
        for (std::size_t c = 0; c < k_; ++c)
          gap_weights_[(static_cast<std::size_t>(side) * 128 + static_cast<std::size_t>(cls)) * k_ + c] = w[c];
  boundary_.at.assign(kOffsets * k_, 0);
  for (int d = -kWindow; d <= kWindow; ++d)
    if (const std::int16_t* w = model_.weights(at_offset(FeatureExtractor::boundary(), d)))
      for (std::size_t c = 0; c < k_; ++c) boundary_.at[static_cast<std::size_t>(d + kWindow) * k_ + c] += w[c];
}

WordScores Tagger::word_scores(std::string_view norm, bool stop) const {
  thread_local std::vector<WordAttribute> attrs;
  features_.word_attributes(norm, stop, attrs);
  WordScores s;
  s.at.assign(kOffsets * k_, 0);
  for (const WordAttribute& a : attrs)
    for (int d = -kWindow; d <= kWindow; ++d) {
      if (!(a.offsets & (1u << (d + kWindow)))) continue;
      const std::int16_t* w = model_.weights(at_offset(a.attr, d));
      if (!w) continue;
      std::int32_t* row = s.at.data() + static_cast<std::size_t>(d + kWindow) * k_;
      for (std::size_t c = 0; c < k_; ++c) row[c] += w[c];
    }
  return s;
}

std::vector<float> Tagger::scores(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<EntityMention>& mentions, TaggerMemo* memo) const {
  const std::size_t n = tokens.size();
  std::vector<const WordScores*> words(n);
  std::vector<WordScores> local;  // without a memo: this text's word scores
  local.reserve(memo ? 0 : n);
  std::string key;
  for (std::size_t i = 0; i < n; ++i) {
    if (!memo) {
      local.push_back(word_scores(tokens[i].norm, tokens[i].stop));
      words[i] = &local.back();
      continue;
    }
    key.assign(tokens[i].norm).push_back(tokens[i].stop ? '\1' : '\0');
    const WordScores* s = memo->find(key);
    words[i] = s ? s : &memo->put(key, word_scores(tokens[i].norm, tokens[i].stop));
  }
  const std::vector<std::uint8_t> tags = mention_tags(tokens, mentions);
  std::vector<float> out(n * k_);
  std::vector<std::int32_t> sum(k_);
  for (std::size_t i = 0; i < n; ++i) {
    std::fill(sum.begin(), sum.end(), 0);
    for (int d = -kWindow; d <= kWindow; ++d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      const WordScores& w =
          j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? boundary_ : *words[static_cast<std::size_t>(j)];
      const std::int32_t* row = w.at.data() + static_cast<std::size_t>(d + kWindow) * k_;
      for (std::size_t c = 0; c < k_; ++c) sum[c] += row[c];
    }
    auto add = [&](const std::int32_t* w) {
      for (std::size_t c = 0; c < k_; ++c) sum[c] += w[c];
    };
    for (int d = -1; d <= 1; ++d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      const std::uint8_t t = j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? 0 : tags[static_cast<std::size_t>(j)];
      add(mention_weights_.data() + (static_cast<std::size_t>(d + 1) * kMentionTags + t) * k_);
    }
    const char before = i == 0 ? 'n' : gap_class(text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end));
    const char after = i + 1 >= n ? 'n' : gap_class(text.substr(tokens[i].end, tokens[i + 1].start - tokens[i].end));
    add(gap_weights_.data() + static_cast<std::size_t>(static_cast<unsigned char>(before) & 127) * k_);
    add(gap_weights_.data() + (128 + static_cast<std::size_t>(static_cast<unsigned char>(after) & 127)) * k_);
    for (std::size_t c = 0; c < k_; ++c) out[i * k_ + c] = model_.bias(c) + model_.scale() * static_cast<float>(sum[c]);
  }
  return out;
}

void Tagger::given_previous(const float* score, std::size_t prev, float* p) const {
  // one-vs-rest logistic regression, normalised over the tags (as LIBLINEAR predicts)
  const float* t = previous_.data() + prev * k_;
  float total = 0;
  for (std::size_t c = 0; c < k_; ++c) {
    p[c] = 1.0f / (1.0f + std::exp(-(score[c] + t[c])));
    total += p[c];
  }
  for (std::size_t c = 0; c < k_; ++c) p[c] /= total;
}

std::vector<Span> Tagger::tag(std::string_view text, const std::vector<Token>& tokens,
                              const std::vector<EntityMention>& mentions, TaggerMemo* memo) const {
  const std::size_t n = tokens.size();
  if (n == 0) return {};
  const std::vector<float> s = scores(text, tokens, mentions, memo);
  constexpr float kImpossible = -std::numeric_limits<float>::infinity();
  // Viterbi over the tags given the previous tag. Only previous tags within kBeam of the best
  // are extended: on most words only O is alive, and one distribution is computed, not nine.
  constexpr float kBeam = 9.2f;  // log(10^4)
  constexpr float kBeamProbability = 1e-4f;
  auto allowed = [&](std::size_t from, std::size_t to) {  // from = k_: the start
    if (continues_[to] < 0) return true;
    return from < k_ && (static_cast<int>(from) == continues_[to] || continues_[from] == continues_[to]);
  };
  std::vector<float> best(n * k_, kImpossible), prob(n * k_, 0);
  std::vector<std::uint8_t> back(n * k_, 0);
  std::vector<float> p(k_);
  given_previous(s.data(), k_, p.data());
  for (std::size_t c = 0; c < k_; ++c)
    if (allowed(k_, c)) {
      best[c] = std::log(p[c]);
      prob[c] = p[c];
    }
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = best.data() + (i - 1) * k_;
    const float top = *std::max_element(prev, prev + k_);
    // kBeamProbability, unless it left no tag at this word (the probable ones all forbidden
    // after the previous tags): then every allowed tag counts
    for (float floor : {kBeamProbability, 0.0f}) {
      if (floor == 0.0f && *std::max_element(best.begin() + static_cast<std::ptrdiff_t>(i * k_),
                                             best.begin() + static_cast<std::ptrdiff_t>((i + 1) * k_)) != kImpossible)
        break;
      for (std::size_t b = 0; b < k_; ++b) {
        if (prev[b] == kImpossible || prev[b] < top - kBeam) continue;
        given_previous(s.data() + i * k_, b, p.data());
        for (std::size_t c = 0; c < k_; ++c) {
          // a tag less probable than the beam is wide would fall out of it at the next word:
          // its logarithm is not worth taking (most words: all but O)
          if (!allowed(b, c) || p[c] < floor) continue;
          const float v = prev[b] + std::log(p[c]) + model_.transition(b, c);
          if (v > best[i * k_ + c]) {
            best[i * k_ + c] = v;
            back[i * k_ + c] = static_cast<std::uint8_t>(b);
            prob[i * k_ + c] = p[c];
          }
        }
      }
    }
  }
  std::vector<std::size_t> path(n);
  const float* last = best.data() + (n - 1) * k_;
  path[n - 1] = static_cast<std::size_t>(std::max_element(last, last + k_) - last);
  for (std::size_t i = n - 1; i > 0; --i) path[i - 1] = back[i * k_ + path[i]];
  std::vector<Span> out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t c = path[i];
    if (type_of_[c] < 0 && continues_[c] < 0 && !begins_[c]) continue;  // O
    const float pc = prob[i * k_ + c];
    if (begins_[c]) {
      out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i), EntityType::Person, pc});
      out.back().type = type_of_[c] < 0 ? EntityType::Person : static_cast<EntityType>(type_of_[c]);
      if (type_of_[c] < 0) out.back().confidence = -1;  // MISC: dropped below
    } else if (!out.empty() && out.back().last + 1 == i) {
      out.back().last = static_cast<std::uint32_t>(i);
      if (out.back().confidence >= 0) out.back().confidence = std::min(out.back().confidence, pc);
    }
  }
  const float least = model_.min_confidence();
  std::erase_if(out, [&](const Span& sp) { return sp.confidence < 0 || sp.confidence < least; });
  return out;
}

}  // namespace rasd::ner
