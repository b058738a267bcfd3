// rasd's light stemmer behind the WordStemmer interface: its data loaded once, the stems of the
// built-in lexicon's frequent forms precomputed (the hot path), and the rules (stem_rules.h)
// for every other word, weighed on the index's statistics or the built-in lexicon.
#include "analyzers/stem/light_stemmer.h"

#include <algorithm>

#include "analyzers/stem/stem_affixes.h"
#include "analyzers/stem/stem_data.h"
#include "analyzers/stem/stem_evidence.h"
#include "analyzers/stem/stem_rules.h"

namespace rasd {
namespace {

using stem::kLetter;

std::size_t letters(std::string_view w) { return w.size() / kLetter; }

class LightStemmer : public WordStemmer {
 public:
  explicit LightStemmer(const WordSet& protected_words) : data_(stem::load_stem_data(protected_words)), rules_(*data_) {
    collect_radical_article_stems();
    fill_cache();
  }

  StemmerKind kind() const override { return StemmerKind::Light; }

  StemResult stem(std::string_view norm, const TermStats* stats) const override {
    // No rule changes a word of one or two letters (every strip leaves two letters or more
    // and removes at least one): في, من, ان... skip every look-up.
    // Nor a token that does not start with an Arabic letter (numbers, dates, Latin words).
    if (norm.size() <= 2 * kLetter || static_cast<unsigned char>(norm[0]) < 0xD8 ||
        static_cast<unsigned char>(norm[0]) > 0xDB)
      return {std::string(norm), {}};
    const bool own_stats = stats && stats->doc_count() >= stem::kMinEvidenceDocs;
    if (!own_stats) {
      // The built-in evidence: a frequent form's stem was computed at load (the hot path).
      const std::uint64_t h = stem::fast_hash(norm);
      const char* e = data_->hot_cache.find(norm, h);
      if (!e) e = data_->cache.find(norm, h);
      if (e) {
        StemResult r{std::string(stem::StemCache::stem_of(e)), {}};
        stem::StemCache::alts_of(e, [&](std::string_view a) { r.alts.emplace_back(a); });
        return r;
      }
    }
    if (!stem::is_arabic_word(norm)) return {std::string(norm), {}};
    const stem::Evidence ev(own_stats ? *stats : static_cast<const TermStats&>(data_->lexicon));
    StemResult r;
    r.stem = rules_.stem(norm, ev, &r.alts);
    return r;
  }

 private:
  // ال-initial words whose ال is radical, found as X where الX is attested (الالغاء, الالاف):
  // keyed by ال + the stem the rules would leave after taking that ال for the article.
  void collect_radical_article_stems() {
    const stem::Evidence ev(data_->lexicon);
    const std::string_view double_article = "الال";
    data_->lexicon.forms().for_each([&](std::string_view form, std::uint32_t df) {
      if (df < ev.min_df() || !form.starts_with(double_article) || letters(form) < 6) return;
      const std::string_view inner = form.substr(stem::kArticle.size());
      const std::string_view rest = inner.substr(stem::kArticle.size());
      const std::string_view s = rules_.suffixes(rest, ev);
      if (s.data() != rest.data()) return;  // a name or a broken plural: no ال question
      const std::string_view key = inner.substr(0, stem::kArticle.size() + s.size());  // in the lexicon bytes
      data_->radical_article_stems.put(key, 0);
      data_->filter.add(key);
    });
  }

  // Precomputes the built-in-evidence stems of the lexicon's frequent forms, most frequent
  // first so that the common words' entries sit together in memory.
  void fill_cache() {
    const stem::Evidence ev(data_->lexicon);
    std::vector<std::pair<std::uint32_t, std::string_view>> forms;
    data_->lexicon.forms().for_each([&](std::string_view form, std::uint32_t df) {
      if (df >= stem::kCacheMinDf && stem::is_arabic_word(form)) forms.emplace_back(df, form);
    });
    std::sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    data_->cache.reserve(forms.size());
    data_->hot_cache.reserve(std::min(forms.size(), stem::kHotForms));
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const std::string_view form = forms[i].second;
      std::vector<std::string> alts;
      const std::string s = rules_.stem(form, ev, &alts);
      if (i < stem::kHotForms) data_->hot_cache.add(form, s, alts);
      else data_->cache.add(form, s, alts);
    }
  }

  std::unique_ptr<stem::StemData> data_;
  stem::StemRules rules_;
};

}  // namespace

std::unique_ptr<WordStemmer> make_light_stemmer(const WordSet& protected_words) {
  return std::make_unique<LightStemmer>(protected_words);
}

}  // namespace rasd
