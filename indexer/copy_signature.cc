#include "indexer/copy_signature.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <functional>
#include <utility>

#include "analyzers/analyzer.h"
#include "analyzers/embedded.h"
#include "analyzers/stem/stem_data.h"
#include "analyzers/utf8.h"
#include "indexer/embedded.h"
#include "index/hash.h"

namespace rasd {
namespace {

constexpr std::string_view kCommonFile = "common_shingles.txt";
constexpr std::string_view kCommonWordsFile = "common_words.txt";
// A signature keeps every shingle of a text up to this many; longer texts keep 1 in 2^level
// (the same shingles in every text: a sample by hash), which bounds memory and comparison time.
constexpr std::size_t kMaxShingles = 512;
// Anchor terms: every uncommon shingle of a short text, 1 in 2, 4, 8 or 16 of longer ones (two
// texts share an anchor when a shared shingle is anchored in both), and the first few of
// every text, which a cut copy keeps.
constexpr std::size_t kLeadAnchors = 6;
constexpr char32_t kArabicRa = U'\u0631';  // KUNA writes 19.6 as 6ر19
constexpr std::uint32_t kRareDf = 30;        // fewer documents of the lexicon: a rare word
constexpr std::size_t kMinRareLetters = 3;

std::uint32_t anchor_modulus(std::size_t shingles) {
  if (shingles <= 32) return 1;
  if (shingles <= 64) return 2;
  if (shingles <= 128) return 4;
  if (shingles <= 256) return 8;
  return 16;
}

std::uint8_t level_for(std::size_t shingles) {
  std::uint8_t level = 0;
  while ((shingles >> level) > kMaxShingles) ++level;
  return level;
}

bool sampled(std::uint32_t shingle, std::uint32_t modulus) { return ((shingle >> 1) & (modulus - 1)) == 0; }

std::uint32_t value_hash(std::string_view value) { return static_cast<std::uint32_t>(hash64(value) >> 32); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::uint32_t numeric(std::string_view digits) {
  std::uint32_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint32_t>(c - '0');
  return v;
}

bool is_compound_head(std::string_view norm) {
  // عبد, ابو (أبو normalised), بو
  return norm == "\u0639\u0628\u062F" || norm == "\u0627\u0628\u0648" || norm == "\u0628\u0648";
}

// Numbers and rare words of the compared words, and the entities and dates whose spans start
// in them. `rare` tells rare words.
std::vector<Salient> salient_of(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& kept,
                                const std::vector<SpanValue>& mentions, const std::function<bool(std::string_view)>& rare) {
  std::vector<Salient> out;
  // A word beside بن or بنت is part of a person's name, however common (ماجد بن فهد بن فهيد).
  constexpr std::string_view kBin = "\u0628\u0646", kBint = "\u0628\u0646\u062A";
  const auto kinship = [&](std::size_t k) {
    return k < kept.size() && (tokens[kept[k]].norm == kBin || tokens[kept[k]].norm == kBint);
  };
  std::vector<SpanValue> sorted = mentions;
  std::sort(sorted.begin(), sorted.end(), [](const SpanValue& a, const SpanValue& b) { return a.start < b.start; });
  std::size_t m = 0;
  bool joined = false;  // the word was taken with the one before (عبد الرحمن)
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const Token& t = tokens[kept[k]];
    const auto pos = static_cast<std::uint16_t>(std::min<std::size_t>(k, UINT16_MAX));
    while (m < sorted.size() && sorted[m].start < t.start) ++m;
    for (std::size_t j = m; j < sorted.size() && sorted[j].start < t.end; ++j) {
      if (sorted[j].words.empty()) out.push_back({value_hash(sorted[j].value), pos, sorted[j].kind, 0, false});
      for (const std::string& w : sorted[j].words) out.push_back({value_hash(w), pos, sorted[j].kind, 0, false});
    }
    const bool in_date = std::any_of(sorted.begin(), sorted.end(), [&](const SpanValue& v) {
      return v.kind == SalientKind::Date && v.start <= t.start && t.end <= v.end;
    });
    if (const std::string n = number_value(t.norm); !n.empty()) {
      out.push_back({numeric(n), pos, SalientKind::Number, static_cast<std::uint8_t>(std::min<std::size_t>(n.size(), 255)), in_date});
      continue;
    }
    if (std::exchange(joined, false) || in_date || kinship(k)) continue;
    // عبد الرحمن, أبو ثنين: one name word, spelt apart or together.
    std::string word = t.norm;
    std::size_t last = k;
    if (is_compound_head(t.norm) && k + 1 < kept.size() && !kinship(k + 1)) {
      word += tokens[kept[k + 1]].norm;
      last = k + 1;
      joined = true;
    }
    if ((k > 0 && kinship(k - 1)) || kinship(last + 1) || rare(word))
      out.push_back({value_hash(consonants(word)), pos, SalientKind::Rare, 0, false});
  }
  return out;
}

bool has_digit(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if ((c >= U'0' && c <= U'9') || (c >= U'\u0660' && c <= U'\u0669') || (c >= U'\u06F0' && c <= U'\u06F9')) return true;
  }
  return false;
}

}  // namespace

bool is_rare_word(std::string_view norm, const stem::LexiconStats& lexicon, const CommonShingles& common) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < norm.size();) {
    const char32_t c = utf8::next(norm, i);
    if (c < 0x0621 || c > 0x064A) return false;  // Arabic letters only
    ++letters;
  }
  return letters >= kMinRareLetters && lexicon.doc_freq(norm) < kRareDf && !common.has_word(norm);
}

std::string consonants(std::string_view norm) {
  std::u32string letters;
  for (std::size_t i = 0; i < norm.size();) letters.push_back(utf8::next(norm, i));
  // One proclitic (و ف ب ل ك) and the article, when a name of four letters or more remains.
  if (letters.size() > 4 && std::u32string_view(U"\u0648\u0641\u0628\u0644\u0643").find(letters[0]) != std::u32string_view::npos &&
      letters[1] != U'\u0627')
    letters.erase(0, 1);
  else if (letters.size() > 5 && std::u32string_view(U"\u0648\u0641\u0628\u0643").find(letters[0]) != std::u32string_view::npos &&
           letters[1] == U'\u0627' && letters[2] == U'\u0644')
    letters.erase(0, 1);
  if (letters.size() > 5 && letters[0] == U'\u0627' && letters[1] == U'\u0644') letters.erase(0, 2);
  std::string out;
  for (char32_t c : letters) {
    switch (c) {
      // Long vowels and hamza seats: what spellings of one name differ in.
      case U'\u0627': case U'\u0648': case U'\u064A': case U'\u0649': case U'\u0621': case U'\u0626':
      case U'\u0624': case U'\u0623': case U'\u0625': case U'\u0622':
        continue;
      // Letters that transliterations of one foreign sound alternate between (يفغين, يفجين).
      case U'\u063A': case U'\u0642': case U'\u0643': c = U'\u062C'; break;  // غ ق ك -> ج
      case U'\u0637': c = U'\u062A'; break;                                      // ط -> ت
      // ص ز ذ ظ ض -> س (جينز, جينس)
      case U'\u0635': case U'\u0632': case U'\u0630': case U'\u0638': case U'\u0636': c = U'\u0633'; break;
      case U'\u0629': c = U'\u0647'; break;                                      // ة -> ه
      default: break;
    }
    utf8::append(out, c);
  }
  return out;
}

std::uint32_t shingle_hash(std::string_view a, std::string_view b, std::string_view c) {
  const std::uint64_t h = hash64(c, hash64(b, hash64(a)));
  return static_cast<std::uint32_t>(h >> 32) & ~1u;
}

std::string number_value(std::string_view norm) {
  std::string digits, before_ra;
  bool ra = false;
  for (std::size_t i = 0; i < norm.size();) {
    const char32_t c = utf8::next(norm, i);
    if (c >= U'0' && c <= U'9') {
      digits.push_back(static_cast<char>(c));
    } else if (c == kArabicRa && !digits.empty() && !ra && i < norm.size() && std::isdigit(static_cast<unsigned char>(norm[i]))) {
      ra = true;  // KUNA's 6ر19: the fraction first
      before_ra = digits;
      digits.clear();
    }
  }
  if (ra) digits += before_ra;
  std::size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  return digits.substr(lead);
}

std::optional<SpanValue> mention_value(std::string_view type, std::string_view id, std::string_view text,
                                       bool adjective, std::uint32_t start, std::uint32_t end) {
  if (adjective) return std::nullopt;
  SpanValue v{start, end, SalientKind::Place, {}, {}};
  if (type == "date") {
    if (!has_digit(text)) return std::nullopt;
    v.kind = SalientKind::Date;
    v.value = "date:" + std::string(id);
  } else if (type == "person") {
    v.kind = SalientKind::Person;
    // By the words of the name as written, each by its consonants: وليد بن محمد الصمعاني and
    // وليد الصمعاني agree on both of the shorter's; عبد and أبو join the next word (عبد الرحمن =
    // عبدالرحمن), بن and بنت go, and a mention cut after عبد or أبو (the recognizer's boundary)
    // drops it.
    std::vector<std::string> words;
    bool join_next = false;
    for (std::size_t i = 0; i <= text.size();) {
      const std::size_t sp = std::min(text.find(' ', i), text.size());
      const std::string w(text.substr(i, sp - i));
      i = sp + 1;
      if (w.empty() || w == "\u0628\u0646" || w == "\u0628\u0646\u062A") continue;
      if (join_next && !words.empty()) words.back() += w;
      else words.push_back(w);
      join_next = is_compound_head(w) || w == "\u0623\u0628\u0648";
    }
    if (join_next && !words.empty()) words.pop_back();
    if (words.empty() && !text.empty()) return std::nullopt;
    v.value = "person:" + std::string(id);
    for (const std::string& w : words) v.words.push_back("person:" + consonants(w));
  } else {
    v.kind = type == "org" ? SalientKind::Organization : SalientKind::Place;  // countries and places alike
    v.value = (type == "org" ? "org:" : "place:") + std::string(id);
  }
  return v;
}

std::vector<SpanValue> mentions_of(std::string_view text, const Analysis& body) {
  std::vector<SpanValue> out;
  const auto span = [&](std::uint32_t s, std::uint32_t e) { return s < e && e <= text.size() ? text.substr(s, e - s) : std::string_view(); };
  for (const EntityMention& e : body.entities)
    if (auto v = mention_value(to_string(e.type), e.id, span(e.start, e.end), e.adjective, e.start, e.end)) out.push_back(*v);
  for (const DateMention& d : body.dates)
    if (auto v = mention_value("date", d.value, span(d.start, d.end), false, d.start, d.end)) out.push_back(*v);
  return out;
}

std::int32_t day_number(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return kUnknownDay;
  const auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4);
  const int m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return kUnknownDay;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CommonShingles CommonShingles::built_in() {
  CommonShingles out = parse(indexer_data_file(kCommonFile));
  out.add_words(indexer_data_file(kCommonWordsFile));
  return out;
}

void CommonShingles::add_words(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.front() != '#') words_.insert(std::string(line));
  }
}

CommonShingles CommonShingles::parse(std::string_view text) {
  CommonShingles out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t s1 = line.find(' ');
    const std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
    if (s2 == std::string_view::npos) continue;
    out.add(shingle_hash(line.substr(0, s1), line.substr(s1 + 1, s2 - s1 - 1), line.substr(s2 + 1)));
    for (std::string_view w : {line.substr(0, s1), line.substr(s1 + 1, s2 - s1 - 1), line.substr(s2 + 1)})
      out.words_.insert(std::string(w));
  }
  return out;
}

CopySigner::CopySigner(const Analyzer& analyzer)
    : CopySigner(WrapperRules::built_in(analyzer), CommonShingles::built_in()) {
  analyzer_ = &analyzer;
}

CopySigner::CopySigner(WrapperRules wrappers, CommonShingles common)
    : wrappers_(std::move(wrappers)),
      common_(std::move(common)),
      lexicon_(std::make_unique<stem::LexiconStats>(embedded_file("stem_lexicon.tsv"))) {}

CopySigner::~CopySigner() = default;
CopySigner::CopySigner(CopySigner&&) noexcept = default;

CopySignature CopySigner::sign(const CopySource& in) const {
  CopySignature sig;
  if (in.published) sig.day = day_number(*in.published);
  static const std::vector<Token> kNone;
  const std::vector<Token>& tokens = in.tokens ? *in.tokens : kNone;
  const std::vector<std::uint32_t> kept = wrappers_.content(lower(in.source), in.text, tokens);
  sig.words = static_cast<std::uint32_t>(kept.size());
  if (kept.size() < kMinWords) return sig;  // not comparable: text_hash stays 0
  std::uint64_t h = 0x726173645f636f70ull;  // "rasd_cop"
  for (std::uint32_t i : kept) h = hash64(tokens[i].norm, h);
  sig.text_hash = h ? h : 1;
  const std::size_t n = kept.size() - 2;
  sig.level = level_for(n);
  const std::uint32_t keep_modulus = 1u << sig.level, anchor_mod = anchor_modulus(n);
  std::size_t lead = 0;
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t s = shingle_hash(tokens[kept[k]].norm, tokens[kept[k + 1]].norm, tokens[kept[k + 2]].norm);
    const bool common = common_.contains(s);
    if (!common && (lead++ < kLeadAnchors || sampled(s, anchor_mod))) sig.anchors.push_back(s);
    if (!sampled(s, keep_modulus)) continue;
    sig.shingles.push_back(s | (common ? 1u : 0u));
    sig.positions.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(k, UINT16_MAX)));
  }
  std::sort(sig.anchors.begin(), sig.anchors.end());
  sig.anchors.erase(std::unique(sig.anchors.begin(), sig.anchors.end()), sig.anchors.end());
  // A rare form whose stem is a common word is an inflection (مركزها, المتهمان), not a name.
  const auto rare = [&](std::string_view norm) {
    if (!is_rare_word(norm, *lexicon_, common_)) return false;
    if (!analyzer_) return true;
    const std::string stem = analyzer_->stem(norm).stem;
    return stem == norm || lexicon_->doc_freq(stem) < kRareDf;
  };
  sig.salient = salient_of(tokens, kept, in.mentions, rare);
  sig.sort_shingles();
  return sig;
}

void CopySignature::sort_shingles() {
  by_hash.clear();
  by_hash.reserve(shingles.size());
  for (std::size_t i = 0; i < shingles.size(); ++i)
    by_hash.push_back(static_cast<std::uint64_t>(shingles[i]) << 16 | positions[i]);
  std::sort(by_hash.begin(), by_hash.end());
}

}  // namespace rasd
