// Internal to the entity extractor: a person named in full earlier in a document is named again
// by a short form alone (the last name شبتاي, آل نهيان), which resolves to the full name.
#pragma once

#include <cstdint>
#include <vector>

#include "analyzers/entities/entity_match.h"
#include "analyzers/token.h"

namespace rasd::entity_match {

/// Last names alone of persons already matched, at tokens no match covers, in text order.
/// `gated`: the tokens that passed the gazetteer's first-word filter (the only places a
/// gazetteer person's last name can be); persons found by a title pattern need a full scan.
std::vector<Match> last_name_mentions(const Context& c, const std::vector<Match>& found,
                                      const std::vector<std::uint32_t>& gated);

/// Short mentions the recognizer found of persons named in full earlier in the text (by the
/// gazetteer, a title pattern or the recognizer): a one-word person mention that is the last
/// name an earlier full name lends (as last_name_mentions() reads them) takes that person's id
/// and labels. `mentions` are the gazetteer's, `model` the recognizer's; both sorted.
void resolve_short_model_mentions(const Gazetteer& g, const std::vector<Token>& tokens,
                                  const std::vector<EntityMention>& mentions, std::vector<EntityMention>& model);

}  // namespace rasd::entity_match
