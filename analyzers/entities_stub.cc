// Temporary: the empty gazetteer and extractors until the entities work lands (then deleted).
#include "analyzers/dates.h"
#include "analyzers/entities.h"
#include "analyzers/gazetteer.h"

namespace rasd {
namespace {
class EmptyGazetteer : public Gazetteer {
 public:
  const WordSet& protected_words() const override { return words_; }
  std::string fingerprint() const override { return "0"; }
 private:
  WordSet words_;
};
}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::load(const std::string&) { return std::make_unique<EmptyGazetteer>(); }
EntityExtractor::EntityExtractor(const Gazetteer& g) : gazetteer_(g) {}
std::vector<EntityMention> EntityExtractor::extract(std::string_view, const std::vector<Token>&) const { return {}; }
std::vector<DateMention> DateExtractor::extract(std::string_view, const std::vector<Token>&,
                                                const std::optional<std::string>&) const { return {}; }
}  // namespace rasd
