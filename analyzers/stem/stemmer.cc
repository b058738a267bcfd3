#include "analyzers/stem/stemmer.h"

#include "error/error.h"

namespace rasd {
namespace {

class IdentityStemmer : public WordStemmer {
 public:
  StemResult stem(std::string_view norm, const TermStats*) const override { return {std::string(norm), {}}; }
  StemmerKind kind() const override { return StemmerKind::None; }
};

}  // namespace

const char* to_string(StemmerKind kind) {
  switch (kind) {
    case StemmerKind::Light: return "light";
    case StemmerKind::Snowball: return "snowball";
    case StemmerKind::None: return "none";
  }
  return "light";
}

StemmerKind parse_stemmer_kind(std::string_view name) {
  if (name == "light") return StemmerKind::Light;
  if (name == "snowball") return StemmerKind::Snowball;
  if (name == "none") return StemmerKind::None;
  throw InvalidInput("unknown stemmer '" + std::string(name) + "': use light, snowball or none");
}

std::unique_ptr<WordStemmer> make_identity_stemmer() { return std::make_unique<IdentityStemmer>(); }

}  // namespace rasd
