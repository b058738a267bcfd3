// Internal to the entity extractor: context checks that keep a gazetteer match from counting
// where its words name something else (a minister's title, a club, a book, a person, a common
// noun). Each reads the tokens around one match and nothing else.
#pragma once

#include "analyzers/entities/entity_match.h"

namespace rasd::entity_match {

/// An organisation right after an office word (وزير الخارجية, وزيرة الدفاع): the words name a
/// person's office, not the organisation acting.
bool in_office_title(const Context& c, const Match& m);

/// An ambiguous name right after a demonstrative (هذه القاعدة: this rule): the common noun.
bool after_demonstrative(const Context& c, const Match& m);

/// An ambiguous name right before a qualifying adjective (الحرس الرئاسي: the presidential guard;
/// القاعدة الجوية: the air base): the common noun.
bool before_qualifier(const Context& c, const Match& m);

/// A place or country followed by the masculine nisba of a city (المغرب الفاسي, المغرب
/// التطواني) or by its own masculine nisba (قطر القطري): the name of a sports club.
bool club_name(const Context& c, const Match& m);

/// A place that opens a quoted title after a word naming a work or an organisation (رواية
/// « القاهرة الجديدة », صحيفة " واشنطن تايمز "): a book, film or newspaper, not the place.
bool opens_quoted_title(const Context& c, const Match& m);

/// A city that is not well known right after a given name or أبو/ابن/بن (محمد بنيس, جون بون,
/// أبو غزة): part of a person's name.
bool after_given_name(const Context& c, const Match& m);

/// A one-word place whose word is mostly a common word (مساكن: dwellings).
bool common_word_place(const Context& c, const Match& m);

}  // namespace rasd::entity_match
