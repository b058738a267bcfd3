// Loads the gazetteer files (analyzers/data/*.tsv and an analyst directory) into normalised
// names indexed by their first word. File format: see analyzers/data/README.md.
#include "analyzers/entities/gazetteer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyzers/embedded.h"
#include "error/error.h"
#include "analyzers/name_forms.h"
#include "analyzers/normalizer.h"
#include "analyzers/tokenizer.h"

namespace rasd {
namespace {

// Built-in entity files, in load order (an entry of a later file replaces an earlier one).
constexpr std::string_view kEntityFiles[] = {"countries.tsv", "regions.tsv", "places.tsv", "orgs.tsv", "persons.tsv"};
constexpr std::string_view kCuesFile = "name_cues.tsv";

// Name markers in the names column.
constexpr char kAmbiguousMark = '?';
constexpr char kNisbaStemMark = '*';   // a nisba stem: inflected endings added
constexpr char kAdjectiveMark = '+';   // an adjective form taken as written (مغاربة)
constexpr char kWellKnownMark = '!';   // a capital or well-known place: no place cue needed
// Endings of a nisba stem (مغربي): feminine (ة, normalised ه), plurals, dual.
constexpr std::string_view kNisbaEndings[] = {"", "\u0647", "\u064A\u0646", "\u0648\u0646", "\u0627\u0646"};

/// One line of an entity file before normalisation.
struct RawEntry {
  GazetteerEntry entry;
  std::vector<std::string> names;  // with their markers
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

EntityType parse_type(std::string_view s, const std::string& where) {
  if (s == "country") return EntityType::Country;
  if (s == "org") return EntityType::Organization;
  if (s == "person") return EntityType::Person;
  if (s == "place") return EntityType::Place;
  throw InvalidInput(where + ": unknown type '" + std::string(s) + "' (country, org, person or place)");
}

bool ascii_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

/// Lines `type id label_ar label_en country names` of one entity file.
void parse_entities(std::string_view text, const std::string& file, std::vector<RawEntry>& out) {
  std::size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = file + ":" + std::to_string(line_no);
    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != 6) throw InvalidInput(where + ": expected 6 tab-separated fields, found " + std::to_string(f.size()));
    RawEntry r;
    r.entry.type = parse_type(f[0], where);
    if (!ascii_id(f[1])) throw InvalidInput(where + ": the id must be ascii letters, digits, '-' or '_'");
    if (f[2].empty()) throw InvalidInput(where + ": the Arabic label is empty");
    r.entry.id = f[1];
    r.entry.label_ar = f[2];
    r.entry.label_en = f[3];
    r.entry.country_from_text = f[4] == "*";
    if (!r.entry.country_from_text) r.entry.country = f[4];
    if (!f[4].empty() && !r.entry.country_from_text && f[4].size() != 2)
      throw InvalidInput(where + ": the country must be an ISO 3166 alpha-2 code, '*' or empty");
    for (std::string_view n : split(f[5], '|'))
      if (!trim(n).empty()) r.names.emplace_back(trim(n));
    if (r.names.empty()) r.names.emplace_back(f[2]);  // no names listed: the label is the name
    out.push_back(std::move(r));
  }
}

}  // namespace

/// Normalises and indexes raw entries and cues into a Gazetteer.
class GazetteerBuilder {
 public:
  GazetteerBuilder() = default;

  void add_entities(std::string_view text, const std::string& file) {
    std::vector<RawEntry> parsed;
    parse_entities(text, file, parsed);
    for (RawEntry& r : parsed) {
      const std::string key = std::string(to_string(r.entry.type)) + ":" + r.entry.id;
      const auto [it, fresh] = by_key_.emplace(key, raw_.size());
      if (fresh) {
        raw_.push_back(std::move(r));
      } else {
        raw_[it->second] = std::move(r);
      }
    }
  }

  void add_cues(std::string_view text, const std::string& file) {
    std::size_t line_no = 0;
    for (std::string_view line : split(text, '\n')) {
      ++line_no;
      line = trim(line);
      if (line.empty() || line.front() == '#') continue;
      const std::vector<std::string_view> f = split(line, '\t');
      const std::string where = file + ":" + std::to_string(line_no);
      if (f.size() != 2) throw InvalidInput(where + ": expected 'kind<TAB>word|word...'");
      if (f[0] != "trigger" && f[0] != "title" && f[0] != "given" && f[0] != "connector" && f[0] != "not_alone" &&
          f[0] != "org_head" && f[0] != "not_place" && f[0] != "place_cue" && f[0] != "office" &&
          f[0] != "demonstrative" && f[0] != "common_word" && f[0] != "work" && f[0] != "qualifier")
        throw InvalidInput(where + ": unknown cue kind '" + std::string(f[0]) + "'");
      for (std::string_view w : split(f[1], '|'))
        if (!trim(w).empty()) cues_.emplace_back(std::string(f[0]), std::string(trim(w)));
    }
  }

  std::unique_ptr<Gazetteer> build() {
    auto g = std::make_unique<Gazetteer>();
    build_cues(*g);
    for (RawEntry& r : raw_) add_entry(*g, r);
    std::vector<std::string> firsts;
    for (auto& [word, names] : g->by_first_) {
      firsts.push_back(word);
      g->first_names_.push_back(std::move(names));
    }
    g->by_first_.clear();
    g->first_table_ = WordTable(std::move(firsts));
    build_candidates(*g);
    build_flags(*g);
    build_not_place_index(*g);
    g->fingerprint_ = digest();
    return g;
  }

 private:
  std::vector<std::string> words(std::string_view text) const {
    std::vector<std::string> out;
    for (Token& t : tokenizer_.tokenize(normalizer_.normalize(text))) out.push_back(std::move(t.norm));
    return out;
  }

  void build_cues(Gazetteer& g) {
    for (const auto& [kind, word] : cues_) {
      std::vector<std::string> w = words(word);
      if (w.empty()) continue;
      if (kind == "title" && w.size() == 1) single_word_titles_.insert(w.front());
      if (kind == "title") {
        g.titles_by_last_[w.back()].push_back(static_cast<std::uint32_t>(g.titles_.size()));
        g.titles_.push_back(std::move(w));
      } else if (kind == "not_alone") {
        if (w.size() == 1) g.not_alone_.insert(w.front());
      } else if (kind == "not_place") {
        for (const std::string& word : w) g.not_place_filter_.add_with_lam_forms(word);
        if (w.size() > 1) g.not_places_.push_back(std::move(w));
      } else if (kind == "office" || kind == "demonstrative" || kind == "common_word" || kind == "work" ||
                 kind == "qualifier") {
        if (w.size() == 1)
          (kind == "office"          ? g.offices_
           : kind == "demonstrative" ? g.demonstratives_
           : kind == "work"          ? g.works_
           : kind == "qualifier"     ? g.qualifiers_
                                     : g.common_words_)
              .insert(w.front());
      } else if (kind == "org_head" || kind == "place_cue") {
        if (w.size() == 1) (kind == "org_head" ? g.org_heads_ : g.place_cues_).insert(w.front());
        if (kind == "org_head") g.org_head_filter_.add_with_lam_forms(w.front());
      } else if (w.size() == 1) {
        (kind == "trigger" ? g.triggers_ : kind == "given" ? g.given_ : g.connectors_).insert(w.front());
        if (kind != "trigger") {
          g.first_words_.add_with_lam_forms(w.front());
          g.name_starters_.add(w.front());
        }
      }
    }
  }

  static void build_candidates(Gazetteer& g) {
    for (const std::vector<std::uint32_t>& names : g.first_names_) {
      g.candidates_begin_.push_back(static_cast<std::uint32_t>(g.candidates_.size()));
      for (std::uint32_t n : names) {
        const std::vector<std::string>& words = g.names_[n].tokens;
        g.candidates_.push_back({words.size() > 1 ? WordFilter::mix(words[1]) : 0, n,
                                 static_cast<std::uint32_t>(words.size())});
      }
    }
    g.candidates_begin_.push_back(static_cast<std::uint32_t>(g.candidates_.size()));
  }

  static void build_not_place_index(Gazetteer& g) {
    std::map<std::string, std::vector<std::uint32_t>> positions;
    for (std::uint32_t p = 0; p < g.not_places_.size(); ++p)
      for (std::uint32_t k = 0; k < g.not_places_[p].size() && k < 256; ++k) positions[g.not_places_[p][k]].push_back(p << 8 | k);
    std::vector<std::string> words;
    for (auto& [w, list] : positions) {
      words.push_back(w);
      g.not_place_positions_.push_back(std::move(list));
    }
    g.not_place_table_ = WordTable(std::move(words));
  }

  static void build_flags(Gazetteer& g) {
    std::map<std::string, std::uint16_t> flags;
    for (const std::string& w : g.given_) flags[w] |= kGivenName;
    for (const std::string& w : g.connectors_) flags[w] |= kConnector;
    for (const std::string& w : g.person_parts_) flags[w] |= kPersonPart;
    for (const auto& [w, titles] : g.titles_by_last_) flags[w] |= kTitleLast;
    for (const std::string& w : g.place_cues_) flags[w] |= kPlaceCue;
    for (const std::string& w : g.offices_) flags[w] |= kOffice;
    for (const std::string& w : g.demonstratives_) flags[w] |= kDemonstrative;
    for (const std::string& w : g.common_words_) flags[w] |= kCommonWord;
    for (const std::string& w : g.works_) flags[w] |= kWork;
    for (const std::string& w : g.org_heads_) flags[w] |= kOrgHead;
    for (const std::string& w : g.qualifiers_) flags[w] |= kQualifier;
    for (const GazetteerName& n : g.names_)
      if (n.kind == NameKind::Adjective && n.tokens.size() == 1) flags[n.tokens.front()] |= kCountryAdjective;
    std::vector<std::string> words;
    for (const auto& [w, f] : flags) {
      words.push_back(w);
      g.flags_.push_back(f);
      g.flag_filter_.add(w);
    }
    g.flag_table_ = WordTable(std::move(words));
  }

  void add_name(Gazetteer& g, std::vector<std::string> tokens, NameKind kind) const {
    if (tokens.empty()) return;
    const auto entry = static_cast<std::uint32_t>(g.entries_.size());
    g.first_words_.add_with_lam_forms(tokens.front());
    g.by_first_[tokens.front()].push_back(static_cast<std::uint32_t>(g.names_.size()));
    g.names_.push_back({std::move(tokens), entry, kind});
  }

  /// A nisba stem or adjective form, bare and with the article on every word.
  void add_adjective(Gazetteer& g, const std::vector<std::string>& base, bool inflect) const {
    for (std::string_view ending : kNisbaEndings) {
      if (!inflect && !ending.empty()) continue;
      std::vector<std::string> bare = base, with_article;
      bare.back() += ending;
      for (const std::string& w : bare) with_article.push_back(std::string(kAlUtf8) + w);
      add_name(g, std::move(bare), NameKind::Adjective);
      add_name(g, std::move(with_article), NameKind::Adjective);
    }
  }

  void add_entry(Gazetteer& g, RawEntry& r) const {
    GazetteerEntry& e = r.entry;
    for (const std::string& raw : r.names) {
      const char mark = raw.front();
      const bool marked =
          mark == kAmbiguousMark || mark == kNisbaStemMark || mark == kAdjectiveMark || mark == kWellKnownMark;
      if (mark == kWellKnownMark) e.well_known = true;
      std::vector<std::string> tokens = words(marked ? std::string_view(raw).substr(1) : std::string_view(raw));
      if (tokens.empty()) continue;
      if (mark == kNisbaStemMark || mark == kAdjectiveMark) {
        add_adjective(g, tokens, mark == kNisbaStemMark);
        continue;
      }
      const NameKind kind = mark == kAmbiguousMark ? NameKind::Ambiguous : NameKind::Name;
      if (tokens.size() == 1 && kind == NameKind::Name && e.type != EntityType::Person)
        g.protected_.insert(tokens.front());
      if (e.type == EntityType::Person) add_person_parts(g, e, tokens);
      add_name(g, std::move(tokens), kind);
    }
    g.entries_.push_back(std::move(e));
  }

  /// Person name parts are protected; the last name (with a leading آل/بن) names the person
  /// alone later in a document that holds the full name.
  void add_person_parts(Gazetteer& g, GazetteerEntry& e, const std::vector<std::string>& tokens) const {
    for (const std::string& t : tokens) {
      if (g.connectors_.count(t) || single_word_titles_.count(t)) continue;
      g.protected_.insert(t);
      g.person_parts_.insert(t);
    }
    if (tokens.size() < 2 || g.connectors_.count(tokens.back()) || g.not_alone_.count(tokens.back())) return;
    std::vector<std::string> short_name{tokens.back()};
    if (g.connectors_.count(tokens[tokens.size() - 2])) short_name.insert(short_name.begin(), tokens[tokens.size() - 2]);
    if (std::find(e.short_names.begin(), e.short_names.end(), short_name) == e.short_names.end()) {
      g.first_words_.add_with_lam_forms(short_name.front());  // a last name alone may start a mention
      e.short_names.push_back(std::move(short_name));
    }
  }

  std::string digest() const {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over every field of every entry and cue
    auto mix = [&h](std::string_view s) {
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
      h = (h ^ 0xFF) * 1099511628211ULL;
    };
    for (const RawEntry& r : raw_) {
      mix(to_string(r.entry.type));
      mix(r.entry.id);
      mix(r.entry.label_ar);
      mix(r.entry.label_en);
      mix(r.entry.country_from_text ? "*" : r.entry.country);
      for (const std::string& n : r.names) mix(n);
    }
    for (const auto& [kind, word] : cues_) {
      mix(kind);
      mix(word);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>((h >> 32) ^ h));
    return buf;
  }

  Normalizer normalizer_;
  Tokenizer tokenizer_;
  std::vector<RawEntry> raw_;
  std::map<std::string, std::size_t> by_key_;
  std::vector<std::pair<std::string, std::string>> cues_;
  WordSet single_word_titles_;  // الشيخ, السيد: never a protected name part
};

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(path.string() + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::load(const std::string& extra_dir) {
  GazetteerBuilder b;
  b.add_cues(embedded_file(kCuesFile), "analyzers/data/" + std::string(kCuesFile));
  for (std::string_view f : kEntityFiles) b.add_entities(embedded_file(f), "analyzers/data/" + std::string(f));
  if (!extra_dir.empty()) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(extra_dir)) throw NotFound("gazetteer directory not found: " + extra_dir);
    std::vector<fs::path> files;
    for (const fs::directory_entry& d : fs::directory_iterator(extra_dir))
      if (d.is_regular_file() && d.path().extension() == ".tsv") files.push_back(d.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      if (p.filename() == kCuesFile) {
        b.add_cues(read_file(p), p.string());
      } else {
        b.add_entities(read_file(p), p.string());
      }
    }
  }
  return b.build();
}

const std::vector<std::uint32_t>* Gazetteer::names_starting(std::string_view first) const {
  const std::uint32_t i = first_table_.find(first);
  return i == WordTable::kAbsent ? nullptr : &first_names_[i];
}

std::span<const NameCandidate> Gazetteer::candidates(std::string_view first, std::uint64_t hash) const {
  const std::uint32_t i = first_table_.find(first, hash);
  if (i == WordTable::kAbsent) return {};
  return {candidates_.data() + candidates_begin_[i], candidates_begin_[i + 1] - candidates_begin_[i]};
}

const std::vector<std::uint32_t>* Gazetteer::titles_ending(std::string_view last) const {
  const auto it = titles_by_last_.find(last);
  return it == titles_by_last_.end() ? nullptr : &it->second;
}

}  // namespace rasd
