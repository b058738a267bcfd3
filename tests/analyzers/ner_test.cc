// The trained mention recognizer (analyzers/ner/) and its mentions beside the gazetteer's: the
// committed model loads and tags known sentences, ids are stable across spellings, short
// mentions resolve to the full name, and a malformed model file is refused.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entities/model_mentions.h"
#include "analyzers/ner/model.h"
#include "error/error.h"
#include "tests/support/table.h"

namespace {

const rasd::Analyzer& analyzer() {
  static const rasd::Analyzer a({rasd::StemmerKind::None, "", rasd::Recognizer::Builtin});
  return a;
}

/// "type:id=text" of each mention the recognizer found (source model), in order.
[[maybe_unused]] std::vector<std::string> model_mentions(std::string_view text) {
  std::vector<std::string> out;
  for (const rasd::EntityMention& e : analyzer().analyze(text).entities)
    if (e.source == rasd::MentionSource::Model)
      out.push_back(std::string(rasd::to_string(e.type)) + ":" + e.id + "=" + std::string(text.substr(e.start, e.end - e.start)));
  return out;
}

std::string id_of(rasd::EntityType type, std::string_view name) {
  return rasd::model_entity_id(analyzer().gazetteer(), type, analyzer().tokenize(name));
}

}  // namespace

TEST_CASE("the committed model loads") {
  const rasd::ner::Model* m = analyzer().recognizer();
  REQUIRE(m != nullptr);
  CHECK(m->classes() == 9);
  CHECK(m->class_name(0) == "O");
  CHECK(m->features() > 10000);
  CHECK(m->cluster_words() > 10000);
  CHECK(analyzer().name().find("/m") != std::string::npos);  // the model is part of the analyzer's name
  const rasd::Analyzer none({rasd::StemmerKind::None, "", rasd::Recognizer::None});
  CHECK(none.recognizer() == nullptr);
  CHECK(none.name() != analyzer().name());
}

TEST_CASE("a malformed model file is refused") {
  CHECK_THROWS_AS(rasd::ner::Model(std::string_view("not a model")), rasd::Error);
  CHECK_THROWS_AS(rasd::ner::Model(std::string_view("RASDNER1\x09\x00\x00\x00", 12)), rasd::Error);
}

TEST_CASE("a model file reads back what was written") {
  rasd::ner::ModelData d;
  d.classes = {"O", "B-PERS", "I-PERS"};
  d.scale = 0.5f;
  d.bias = {1.0f, -1.0f, -2.0f};
  d.clusters = {{7, 1, 2}, {9, 3, 4}};
  d.keys = {rasd::ner::fingerprint(rasd::ner::attribute('w', "x"))};
  d.weights = {10, -20, 30};
  const std::string bytes = d.serialize();
  const rasd::ner::Model m(bytes);
  CHECK(m.classes() == 3);
  CHECK(m.class_name(2) == "I-PERS");
  CHECK(m.bias(1) == doctest::Approx(-1.0));
  const std::int16_t* w = m.weights(rasd::ner::attribute('w', "x"));
  REQUIRE(w != nullptr);
  CHECK(w[0] == 10);
  CHECK(w[2] == 30);
  CHECK(m.weights(rasd::ner::attribute('w', "y")) == nullptr);
  CHECK(d.serialize() == bytes);  // the same data, the same bytes
}

TEST_CASE("model ids: one id whatever the hamza, proclitics or article of the first word") {
  using rasd::EntityType;
  CHECK(id_of(EntityType::Place, "الفلوجة") == id_of(EntityType::Place, "بالفلوجة"));
  CHECK(id_of(EntityType::Place, "الفلوجة") == id_of(EntityType::Place, "فلوجة"));
  CHECK(id_of(EntityType::Place, "الفلوجة") == id_of(EntityType::Place, "وبالفلوجة"));
  CHECK(id_of(EntityType::Place, "الفلوجة") == id_of(EntityType::Place, "للفلوجة"));
  CHECK(id_of(EntityType::Person, "أحمد الأسير") == id_of(EntityType::Person, "احمد الاسير"));
  CHECK(id_of(EntityType::Person, "أحمد الأسير") == id_of(EntityType::Person, "وأحمد الأسير"));
  CHECK(id_of(EntityType::Person, "وليد جنبلاط") != id_of(EntityType::Person, "ليد جنبلاط"));  // و of وليد stays
  CHECK(id_of(EntityType::Person, "أحمد الأسير").rfind("person-", 0) == 0);
  CHECK(id_of(EntityType::Organization, "جبهة النصرة").rfind("org-", 0) == 0);
  CHECK(id_of(EntityType::Organization, "جبهة النصرة") != id_of(EntityType::Place, "جبهة النصرة"));
}

TEST_CASE("the committed model tags known sentences beside the gazetteer") {
  struct Row {
    const char* text;
    std::vector<std::string> expected;  // the recognizer's mentions only
  };
  const std::vector<Row> rows = {
      // a person nobody listed, and the same person named again by the last name alone
      {"قال المتحدث باسم الوزارة جون ماكنزي إن الحكومة لن تتراجع ، وأضاف ماكنزي أن القرار نهائي .",
       {"person:person-jwn-maknzy=جون ماكنزي", "person:person-jwn-maknzy=ماكنزي"}},
      // a village the gazetteer does not have, after قرية; Mosul stays the gazetteer's
      {"وقتل خمسة أشخاص في هجوم على قرية الحمرانية شرق الموصل .", {"place:place-hmranyh=الحمرانية"}},
      // names the gazetteer knows are its own, with their ids: nothing for the recognizer
      {"وقال رئيس حركة النهضة التونسية راشد الغنوشي إن الحزب سيشارك في الانتخابات .", {}},
  };
  for (const Row& r : rows) {
    const std::string text = r.text;
    CAPTURE(text);
    CHECK(rasd::test::joined(model_mentions(r.text)) == rasd::test::joined(r.expected));
  }
}

TEST_CASE("recognizer mentions carry their confidence, stay inside the text and never overlap") {
  const std::string text =
      "وقال رئيس حركة النهضة التونسية راشد الغنوشي إن وزير الخارجية جون ماكنزي التقى في قرية الحمرانية "
      "بممثلين عن شركة أرامكو السعودية ، وأكد ماكنزي أن الحمرانية آمنة .";
  const rasd::Analysis a = analyzer().analyze(text);
  std::uint32_t end = 0;
  bool any_model = false;
  for (const rasd::EntityMention& e : a.entities) {
    CHECK(e.start >= end);  // sorted, no overlap
    CHECK(e.end <= text.size());
    end = e.end;
    if (e.source == rasd::MentionSource::Model) {
      any_model = true;
      CHECK(e.confidence >= analyzer().recognizer()->min_confidence());
      CHECK(e.confidence <= 1.0f);
      CHECK(!e.id.empty());
    } else {
      CHECK(e.confidence == 1.0f);
    }
  }
  CHECK(any_model);
}

TEST_CASE("queries and labels are read without the recognizer") {
  rasd::AnalyzeContext known;
  known.extraction = rasd::Extraction::Known;
  for (const rasd::EntityMention& e : analyzer().analyze("جون ماكنزي", known).entities)
    CHECK(e.source != rasd::MentionSource::Model);
}
