// Joins the trained recognizer's mentions (analyzers/ner/) to the gazetteer's: a gazetteer
// mention stays as it is; a recognizer span over tokens no mention covers becomes a mention of
// its own, with the gazetteer entry's id, labels and country when its words are a name the
// gazetteer knows, else with a stable id made from its normalised name (proclitics and the
// article off its first word: بالفلوجة, الفلوجة and فلوجة are one place) and its type. A span
// that is a name the gazetteer marks ambiguous (القاعدة, مالي) is left out: the gazetteer's
// rules (a trigger, quotes, a plain mention) already decided that it names nothing here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/ner/tagger.h"
#include "analyzers/token.h"

namespace rasd {

class Gazetteer;

/// The id a recognizer mention of all of `tokens` (a name an analyst typed) gets when the
/// gazetteer does not know it: how a filter finds the entities the recognizer found.
std::string model_entity_id(const Gazetteer& g, EntityType type, const std::vector<Token>& tokens);

/// `mentions` (the gazetteer's, sorted) with the recognizer's `spans` added where they cover
/// no mentioned token, sorted by position.
std::vector<EntityMention> add_model_mentions(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
                                              std::vector<EntityMention> mentions, const std::vector<ner::Span>& spans);

}  // namespace rasd
