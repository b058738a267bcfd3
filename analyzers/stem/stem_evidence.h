// The corpus evidence behind the light stemmer's risky strips (ARABIC.md §2.3): the
// definite-article test and the remainder test, over the index's statistics when it has
// enough documents, else over the built-in lexicon.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "analyzers/stem/stem_affixes.h"
#include "analyzers/stem/term_stats.h"

namespace rasd::stem {

/// Below this many documents an index's own statistics are too thin to decide on.
inline constexpr std::uint32_t kMinEvidenceDocs = 1000;
/// A word whose ال-form is seen at least 1/kArticleRatio as often takes the article itself,
/// so its first letter is a root letter (الوزير exists: the و of وزير is radical).
inline constexpr std::uint32_t kArticleRatio = 20;
/// A remainder seen less than 1/kRemainderRatio as often as the whole word is a coincidence.
inline constexpr std::uint32_t kRemainderRatio = 40;
/// A plural's other case form (ون/ين) or a dual's (ين/ان) is seen at least this often relative.
inline constexpr std::uint32_t kPartnerRatio = 16;

/// `prefix` + `word` in a stack buffer (words are at most Tokenizer::kMaxTokenBytes long).
class Joined {
 public:
  Joined(std::string_view prefix, std::string_view word) {
    size_ = prefix.size() + word.size();
    if (size_ > buf_.size()) size_ = 0;  // longer than any token: treated as unseen
    if (size_ == 0) return;
    std::memcpy(buf_.data(), prefix.data(), prefix.size());
    std::memcpy(buf_.data() + prefix.size(), word.data(), word.size());
  }
  std::string_view view() const { return {buf_.data(), size_}; }

 private:
  std::array<char, 256> buf_;
  std::size_t size_ = 0;
};

/// Read-only questions about how often word forms occur.
class Evidence {
 public:
  explicit Evidence(const TermStats& stats)
      : stats_(stats), min_df_(stats.doc_count() >= 20000 ? 3 : 2) {}

  std::uint32_t df(std::string_view w) const { return stats_.doc_freq(w); }
  std::uint32_t df_with_article(std::string_view w) const { return df(Joined(kArticle, w).view()); }
  /// Seen as a word of its own, bare or with the article.
  bool known(std::string_view w) const { return df(w) + df_with_article(w) >= min_df_; }
  /// Seen with a suffix appended (مدينه behind مدينت-ها).
  bool known_with(std::string_view w, std::string_view suffix) const {
    return known(Joined(w, suffix).view());
  }
  /// Bare or with the article.
  std::uint64_t count(std::string_view w) const { return std::uint64_t{df(w)} + df_with_article(w); }
  /// `w` + `suffix` is attested and not a rarity next to `whole` (مسلحون next to مسلحين, but
  /// not تمران next to تمرين).
  bool partner(std::string_view w, std::string_view suffix, std::string_view whole) const {
    const std::uint64_t p = count(Joined(w, suffix).view());
    return p >= min_df_ && p * kPartnerRatio >= count(whole);
  }
  /// The definite-article test: `w` itself takes ال, so its first letter is radical.
  bool takes_article(std::string_view w) const {
    const std::uint32_t with = df_with_article(w);
    return with >= min_df_ && std::uint64_t{with} * kArticleRatio >= df(w);
  }
  /// The remainder test: `rest` is a real word, common enough next to `whole`.
  bool real_remainder(std::string_view rest, std::string_view whole) const {
    const std::uint64_t r = std::uint64_t{df(rest)} + df_with_article(rest);
    return r >= min_df_ && r * kRemainderRatio >= df(whole);
  }
  std::uint32_t min_df() const { return min_df_; }

 private:
  const TermStats& stats_;
  std::uint32_t min_df_;
};

}  // namespace rasd::stem
