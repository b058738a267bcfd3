#include "analyzers/stem/stem_data.h"

#include <charconv>

#include "analyzers/embedded.h"
#include "analyzers/stem/stem_affixes.h"

namespace rasd::stem {
namespace {

// Calls f(line) for every non-empty, non-comment line of `text`, trimmed of CR.
template <class F>
void for_each_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line);
  }
}

std::uint32_t parse_u32(std::string_view s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// A name's ال is dropped (القاهره -> قاهره, so بالقاهره and قاهره meet) unless too little
// would remain (الله).
std::string_view without_article(std::string_view name) {
  if (name.starts_with(kArticle) && name.size() >= kArticle.size() + 3 * kLetter) return name.substr(kArticle.size());
  return name;
}

// Adds `variant` (a name, or a nisba/plural form of it) as a way to write `name`.
void add_name(StemData& d, std::string_view variant, std::string_view name) {
  if (variant.size() < 2 * kLetter || name.size() < 2 * kLetter) return;
  const std::string_view core = d.keep(std::string(without_article(name)));
  const auto index = static_cast<std::uint32_t>(d.name_cores.size());
  d.name_cores.push_back(core);
  auto put = [&](std::string_view key) {
    if (d.names.contains(key)) return;  // the first entry wins (the file lists names first)
    const std::string_view stored = d.keep(std::string(key));
    d.names.put(stored, index);
    d.filter.add(stored);
  };
  const std::string_view key = without_article(variant);
  put(key);
  // ليبيا's nisba ليبي, امريكا's امريكي (the nisba rule would otherwise leave ليب, امريك).
  if (key.ends_with(kAlef) && key.size() >= 4 * kLetter) {
    const std::string_view stem = key.substr(0, key.size() - kLetter);
    put(stem.ends_with(kYeh) ? std::string(stem) : std::string(stem) + std::string(kYeh));
  }
}

void add_broken_plural(StemData& d, std::string_view plural, std::string_view singular) {
  const std::string_view p = d.keep(std::string(plural));
  const auto index = static_cast<std::uint32_t>(d.singulars.size());
  d.singulars.push_back(d.keep(std::string(singular)));
  d.broken_plurals.put(p, index);
  d.filter.add(p);
  // The stemmer meets a plural in ة (قادة) after its ه was taken as a pronoun or ة.
  if (p.ends_with(kHeh) && p.size() >= 3 * kLetter) {
    const std::string_view without = p.substr(0, p.size() - kLetter);
    d.broken_plurals.put(without, index);
    d.filter.add(without);
  }
}

}  // namespace

LexiconStats::LexiconStats(std::string_view tsv) {
  while (!tsv.empty()) {
    const auto nl = tsv.find('\n');
    const std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view{} : tsv.substr(nl + 1);
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view form = line.substr(0, tab);
    const std::uint32_t df = parse_u32(line.substr(tab + 1));
    if (form == "#docs") {
      docs_ = df;
    } else if (!form.empty() && form.front() != '#') {
      forms_.put(form, df);
    }
  }
}

std::uint32_t LexiconStats::doc_freq(std::string_view norm) const {
  const std::uint32_t v = forms_.get(norm);
  return v == WordMap::kAbsent ? 0 : v;
}

std::unique_ptr<StemData> load_stem_data(const WordSet& extra_names) {
  auto d = std::make_unique<StemData>(embedded_file("stem_lexicon.tsv"));
  // Lines are "name" or "variant<TAB>name".
  for_each_line(embedded_file("protected_names.txt"), [&](std::string_view line) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) add_name(*d, line, line);
    else add_name(*d, line.substr(0, tab), line.substr(tab + 1));
  });
  for (const std::string& name : extra_names)
    if (name.find(' ') == std::string::npos) add_name(*d, name, name);
  for_each_line(embedded_file("broken_plurals.tsv"), [&](std::string_view line) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string_view singular = line.substr(tab + 1);
    singular = singular.substr(0, singular.find('\t'));  // a third column is a comment
    add_broken_plural(*d, line.substr(0, tab), singular);
  });
  return d;
}

}  // namespace rasd::stem
