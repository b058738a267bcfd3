// Feature attributes of the mention recognizer (features.h).
#include "analyzers/ner/features.h"

#include <array>
#include <string>

#include "analyzers/entities/gazetteer.h"
#include "analyzers/name_forms.h"
#include "analyzers/stem/stemmer.h"
#include "analyzers/utf8.h"

namespace rasd::ner {
namespace {

constexpr std::uint8_t kEverywhere = 0b11111;  // offsets -2..2
constexpr std::uint8_t kNear = 0b01110;        // offsets -1..1
constexpr std::uint8_t kHere = 0b00100;        // offset 0

/// The word's letters as classes (a Arabic, l Latin, d digit, o other), runs collapsed, and
/// its length in letters bucketed: "a:4" for a four-letter Arabic word, "d:4" for a year.
std::string shape(std::string_view norm) {
  std::string out;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < norm.size();) {
    const char32_t c = utf8::next(norm, i);
    ++letters;
    const char cls = (c >= U'\u0621' && c <= U'\u064A') ? 'a'
                     : ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) ? 'l'
                     : (c >= U'0' && c <= U'9') ? 'd'
                                                : 'o';
    if (out.empty() || out.back() != cls) out += cls;
  }
  const char* bucket = letters <= 1   ? ":1"
                       : letters == 2 ? ":2"
                       : letters == 3 ? ":3"
                       : letters <= 5 ? ":4"
                       : letters <= 8 ? ":6"
                                      : ":9";
  return out + bucket;
}

/// The first or last `n` code points of `s` (all of it when shorter).
std::string_view first_letters(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) utf8::next(s, i);
  return s.substr(0, i);
}
std::string_view last_letters(std::string_view s, std::size_t n) {
  std::size_t i = s.size();
  for (std::size_t k = 0; k < n && i > 0; ++k) {
    do --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  }
  return s.substr(i);
}

bool arabic_word(std::string_view norm) {
  return norm.size() >= 4 && static_cast<unsigned char>(norm[0]) >= 0xD8 && static_cast<unsigned char>(norm[0]) <= 0xDB;
}

/// The word without its proclitics and article (وبالمدينة -> مدينه), or the word itself.
std::string_view core_of(std::string_view norm, const ProcliticForms& forms) {
  std::string_view core = forms[forms.size() - 1];
  if (starts_with(core, kAlUtf8) && core.size() >= kAlUtf8.size() + 4) core.remove_prefix(kAlUtf8.size());
  return core == norm ? std::string_view{} : core;
}

/// The names of the gazetteer's word lists, one letter per WordFlag bit.
constexpr std::array<char, 12> kFlagNames = {'g', 'c', 'p', 't', 'n', 'q', 'o', 'd', 'w', 'k', 'h', 'u'};

}  // namespace

std::uint64_t attribute(char kind, std::string_view value) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  h = (h ^ static_cast<unsigned char>(kind)) * 0x100000001B3ULL;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

char gap_class(std::string_view gap) {
  if (gap.empty()) return 'j';  // joined (a number and a sign, a word and a bracket)
  char cls = 's';
  for (std::size_t i = 0; i < gap.size();) {
    const char32_t c = utf8::next(gap, i);
    if (c == U'\n' || c == U'\r') return 'n';
    if (c == U'.' || c == U'!' || c == U'?' || c == U'\u061F') return 'e';  // a sentence ends
    if (c == U'"' || c == U'\'' || c == U'\u00AB' || c == U'\u00BB' || (c >= U'\u2018' && c <= U'\u201D')) cls = 'q';
    else if ((c == U'(' || c == U')' || c == U'[' || c == U']') && cls != 'q') cls = 'b';
    else if ((c == U',' || c == U'\u060C' || c == U';' || c == U'\u061B' || c == U':') && cls == 's') cls = 'c';
    else if ((c == U'-' || c == U'\u2013' || c == U'\u2014' || c == U'/') && cls == 's') cls = 'h';
    else if (c != U' ' && c != U'\t' && cls == 's') cls = 'x';
  }
  return cls;
}


std::uint64_t mention_key(std::uint8_t tag, int offset) {
  const char value = static_cast<char>('A' + tag);
  return at_offset(attribute('e', std::string_view(&value, 1)), offset);
}

std::uint64_t gap_key(char cls, bool before) { return attribute(before ? '<' : '>', std::string_view(&cls, 1)); }

std::uint64_t FeatureExtractor::boundary() { return attribute('#', ""); }

void FeatureExtractor::word_attributes(std::string_view norm, bool stop, std::vector<WordAttribute>& out) const {
  out.clear();
  out.push_back({attribute('w', norm), kEverywhere});
  out.push_back({attribute('h', shape(norm)), kNear});
  if (stop) out.push_back({attribute('S', ""), kNear});
  std::uint16_t coarse = 0, fine = 0;
  bool clustered = clusters_ && clusters_->find(norm, coarse, fine);
  if (arabic_word(norm)) {
    const std::string stem = stemmer_.stem(norm, nullptr).stem;
    if (stem != norm) out.push_back({attribute('s', stem), kNear});
    const ProcliticForms forms(norm);
    const std::string_view core = core_of(norm, forms);
    if (!core.empty()) {
      out.push_back({attribute('r', core), kNear});
      if (!clustered && clusters_) clustered = clusters_->find(core, coarse, fine);
    }
    std::uint16_t flags = 0;
    for (std::size_t f = 0; f < forms.size(); ++f) flags |= gazetteer_.word_flags(forms[f]);
    for (std::size_t b = 0; b < kFlagNames.size(); ++b)
      if (flags & (1u << b)) out.push_back({attribute('g', std::string_view(&kFlagNames[b], 1)), kNear});
    for (std::size_t n = 1; n <= 3; ++n) {
      out.push_back({attribute(static_cast<char>('0' + n), first_letters(norm, n)), kHere});
      out.push_back({attribute(static_cast<char>('3' + n), last_letters(norm, n)), kHere});
    }
  }
  if (clustered) {
    const std::string c = std::to_string(coarse), f = std::to_string(fine);
    out.push_back({attribute('k', c), kEverywhere});
    out.push_back({attribute('K', f), kEverywhere});
  } else {
    out.push_back({attribute('k', "-"), kNear});
  }
}

std::vector<std::uint8_t> mention_tags(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions) {
  std::vector<std::uint8_t> tags(tokens.size(), 0);
  std::size_t t = 0;
  for (const EntityMention& e : mentions) {  // both sorted by position
    while (t < tokens.size() && tokens[t].pos < e.first_pos) ++t;
    const int kind = e.adjective ? 1 : e.source == MentionSource::Pattern ? 2 : 0;
    const int code = 1 + (static_cast<int>(e.type) * 3 + kind) * 2;
    for (std::size_t k = t; k < tokens.size() && tokens[k].pos <= e.last_pos; ++k)
      tags[k] = static_cast<std::uint8_t>(code + (k == t ? 0 : 1));
  }
  return tags;
}

void FeatureExtractor::context_keys(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<std::uint8_t>& tags, std::size_t i,
                                    std::vector<std::uint64_t>& out) const {
  out.clear();
  for (int d = -1; d <= 1; ++d) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
    const std::uint8_t tag = j < 0 || j >= static_cast<std::ptrdiff_t>(tokens.size()) ? 0 : tags[static_cast<std::size_t>(j)];
    out.push_back(mention_key(tag, d));
  }
  const char before = i == 0 ? 'n' : gap_class(text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end));
  const char after = i + 1 >= tokens.size() ? 'n' : gap_class(text.substr(tokens[i].end, tokens[i + 1].start - tokens[i].end));
  out.push_back(gap_key(before, true));
  out.push_back(gap_key(after, false));
}

std::vector<std::vector<std::uint64_t>> token_features(const FeatureExtractor& fx, std::string_view text,
                                                       const std::vector<Token>& tokens,
                                                       const std::vector<EntityMention>& mentions) {
  std::vector<std::vector<WordAttribute>> words(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) fx.word_attributes(tokens[i].norm, tokens[i].stop, words[i]);
  const std::vector<std::uint8_t> tags = mention_tags(tokens, mentions);
  std::vector<std::vector<std::uint64_t>> out(tokens.size());
  std::vector<std::uint64_t> context;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (int d = -kWindow; d <= kWindow; ++d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      if (j < 0 || j >= static_cast<std::ptrdiff_t>(tokens.size())) {
        out[i].push_back(at_offset(FeatureExtractor::boundary(), d));
        continue;
      }
      for (const WordAttribute& a : words[static_cast<std::size_t>(j)])
        if (a.offsets & (1u << (d + kWindow))) out[i].push_back(at_offset(a.attr, d));
    }
    fx.context_keys(text, tokens, tags, i, context);
    out[i].insert(out[i].end(), context.begin(), context.end());
  }
  return out;
}

}  // namespace rasd::ner
