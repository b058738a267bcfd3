// The light stemmer, one table per rule of ARABIC.md §2 (inputs are already normalised), plus
// the evidence switches: the same word strips or not depending on the statistics given.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/embedded.h"
#include "analyzers/stem/light_stemmer.h"
#include "analyzers/normalizer.h"
#include "analyzers/stem/stem_memo.h"
#include "analyzers/stop_words.h"

namespace {

const rasd::WordStemmer& stemmer() {
  static const rasd::WordSet none;
  static const auto s = rasd::make_light_stemmer(none);
  return *s;
}

struct Case {
  const char* word;
  const char* stem;
};

void check_table(const std::vector<Case>& table, const rasd::TermStats* stats = nullptr) {
  for (const Case& c : table) {
    CAPTURE(c.word);
    CHECK(stemmer().stem(c.word, stats).stem == c.stem);
  }
}

// Hand-made statistics: doc_count 50,000 so the stemmer trusts them.
class MapStats : public rasd::TermStats {
 public:
  explicit MapStats(std::map<std::string, std::uint32_t> df, std::uint32_t docs = 50000)
      : df_(std::move(df)), docs_(docs) {}
  std::uint32_t doc_freq(std::string_view w) const override {
    const auto it = df_.find(std::string(w));
    return it == df_.end() ? 0 : it->second;
  }
  std::uint32_t doc_count() const override { return docs_; }

 private:
  std::map<std::string, std::uint32_t> df_;
  std::uint32_t docs_;
};

}  // namespace

TEST_CASE("definite chains, longest first, leaving at least 2 letters") {
  check_table({{"الحزب", "حزب"}, {"والحزب", "حزب"}, {"فالحزب", "حزب"}, {"بالحزب", "حزب"}, {"كالحزب", "حزب"},
               {"للحزب", "حزب"}, {"وللحزب", "حزب"}, {"فللحزب", "حزب"}, {"وبالحزب", "حزب"}, {"وكالحزب", "حزب"},
               {"فبالحزب", "حزب"}, {"فكالحزب", "حزب"}, {"الي", "الي"}, {"الم", "الم"}});
}

TEST_CASE("radical ال (attested with a second ال) stays in the stem") {
  check_table({{"الغاء", "الغاء"}, {"بالغاء", "الغاء"}, {"لالغاء", "الغاء"}, {"الالغاء", "الغاء"},
               {"التزاماتها", "التزام"}, {"الالتزام", "التزام"}, {"الاف", "الف"}});
}

TEST_CASE("bare proclitics and pairs strip only on evidence (built-in lexicon)") {
  check_table({{"وحزب", "حزب"}, {"فحزب", "حزب"}, {"بحزب", "حزب"}, {"لحزب", "حزب"}, {"كحزب", "حزب"},
               {"وبحزب", "حزب"}, {"ولحزب", "حزب"}, {"وكحزب", "حزب"}, {"فبحزب", "حزب"}, {"فلحزب", "حزب"},
               {"فكحزب", "حزب"}, {"واضاف", "اضاف"},
               // root letters: the word takes ال itself, or the remainder is no word
               {"وزير", "وزير"}, {"ولايه", "ولاي"}, {"لجنه", "لجن"}, {"وكاله", "وكال"}, {"فريق", "فريق"},
               {"كتاب", "كتاب"}, {"وزارتها", "وزار"}, {"ولجنه", "لجن"}, {"وبيان", "بيان"}});
}

TEST_CASE("protected names under every proclitic chain") {
  check_table({{"لبنان", "لبنان"}, {"للبنان", "لبنان"}, {"ببغداد", "بغداد"}, {"وبغداد", "بغداد"},
               {"ببيروت", "بيروت"}, {"لفرنسا", "فرنسا"}, {"القاهره", "قاهره"}, {"بالقاهره", "قاهره"},
               {"الله", "الله"}, {"بالله", "الله"}, {"الامارات", "امارات"}, {"الاماراتيه", "امارات"},
               {"ايراني", "ايران"}, {"الايرانيين", "ايران"}, {"فلسطيني", "فلسطين"}, {"المغاربه", "مغرب"},
               {"الامريكيه", "امريكا"}, {"طالبان", "طالبان"}, {"ماكرون", "ماكرون"}, {"حسين", "حسين"}});
}

TEST_CASE("pronoun suffixes, with a short remainder only when attested") {
  check_table({{"حزبه", "حزب"}, {"حزبها", "حزب"}, {"حزبهم", "حزب"}, {"حزبهما", "حزب"}, {"حزبكم", "حزب"},
               {"حزبكما", "حزب"}, {"حزبهن", "حزب"}, {"حزبكن", "حزب"}, {"حزبنا", "حزب"}, {"عناصرهم", "عنصر"},
               {"متهم", "متهم"}, {"تفاهم", "تفاهم"}, {"درهم", "درهم"}});
}

TEST_CASE("ta marbuta + pronoun: the ت is a ة when the ة-form is a noun") {
  check_table({{"مدينتها", "مدين"}, {"مدينته", "مدين"}, {"حكومته", "حكوم"}, {"قادتهم", "قاءد"},
               {"بيته", "بيت"}, {"لقواتها", "قو"}});
}

TEST_CASE("duals, plurals and the ending ان") {
  check_table({{"طاءرتان", "طاءر"}, {"الدولتين", "دول"}, {"الطاءرات", "طاءر"}, {"القوات", "قو"},
               {"المسلحون", "مسلح"}, {"مسلحين", "مسلح"}, {"الطرفين", "طرف"}, {"الطرفان", "طرف"},
               {"هاجموا", "هاجم"}, {"استهدفوا", "استهدف"}, {"يقولون", "يقول"}, {"مسءولون", "مسءول"},
               // not plurals: no ون/ين partner, or the bare form is rarer
               {"قانون", "قانون"}, {"مليون", "مليون"}, {"تامين", "تامين"}, {"طيران", "طيران"},
               {"ثلاثين", "ثلاثين"}, {"ثلاثون", "ثلاثين"}});
}

TEST_CASE("nisba ي with its guards, and the final ه of ة") {
  check_table({{"المغربي", "مغرب"}, {"الارهابيه", "ارهاب"}, {"ارهابيون", "ارهاب"}, {"الاسراءيليين", "اسراءيل"},
               {"التركيين", "تركيا"}, {"ولايه", "ولاي"}, {"مستوي", "مستوي"}, {"مسلحه", "مسلح"}, {"طاءره", "طاءر"}});
}

TEST_CASE("broken plurals from the lexicon") {
  check_table({{"الصواريخ", "صاروخ"}, {"صواريخهم", "صاروخ"}, {"قاده", "قاءد"}, {"جنود", "جند"}, {"جندي", "جند"},
               {"قتلي", "قتيل"}, {"اسلحه", "سلاح"}});
}

TEST_CASE("alternative stems: future س, Form X, past feminine ت") {
  struct Alt {
    const char* word;
    const char* stem;
    const char* alt;
  };
  for (const Alt& c : std::vector<Alt>{{"سيهاجم", "سيهاجم", "يهاجم"},
                                       {"يستهدف", "يستهدف", "استهدف"},
                                       {"قالت", "قالت", "قال"}}) {
    CAPTURE(c.word);
    const rasd::StemResult r = stemmer().stem(c.word, nullptr);
    CHECK(r.stem == c.stem);
    REQUIRE(r.alts.size() == 1);
    CHECK(r.alts[0] == c.alt);
  }
  for (const char* none : {"سياسه", "بيت", "سيارات", "حزب"}) {
    CAPTURE(none);
    CHECK(stemmer().stem(none, nullptr).alts.empty());
  }
}

TEST_CASE("non-Arabic and mixed tokens pass through") {
  check_table({{"2024", "2024"}, {"rasd", "rasd"}, {"f16", "f16"}, {"و", "و"}, {"", ""}});
}

TEST_CASE("evidence decides: the same word strips or not with other statistics") {
  // وحزب: الوحزب frequent makes و a root letter; otherwise the remainder حزب decides.
  const MapStats article({{"وحزب", 100}, {"الوحزب", 80}, {"حزب", 500}});
  const MapStats remainder({{"وحزب", 100}, {"حزب", 500}});
  const MapStats nothing({{"وحزب", 100}});
  CHECK(stemmer().stem("وحزب", &article).stem == "وحزب");
  CHECK(stemmer().stem("وحزب", &remainder).stem == "حزب");
  CHECK(stemmer().stem("وحزب", &nothing).stem == "وحزب");
  // ان: stripped only when the bare form is at least as common.
  const MapStats birds({{"طيران", 10}, {"طير", 50}});
  const MapStats aviation({{"طيران", 500}, {"طير", 5}});
  CHECK(stemmer().stem("طيران", &birds).stem == "طير");
  CHECK(stemmer().stem("طيران", &aviation).stem == "طيران");
  // An index with too few documents is not trusted: the built-in lexicon decides.
  const MapStats tiny({{"وزير", 10}}, 5);
  CHECK(stemmer().stem("وزير", &tiny).stem == stemmer().stem("وزير", nullptr).stem);
  // Deterministic: the same statistics give the same stems.
  CHECK(stemmer().stem("وحزب", &remainder).stem == stemmer().stem("وحزب", &remainder).stem);
}

TEST_CASE("a stem memo answers what the stemmer answers, alternatives included") {
  const rasd::Analyzer analyzer({rasd::StemmerKind::Light, ""});
  const MapStats stats({{"وحزب", 100}, {"حزب", 500}, {"طيران", 10}, {"طير", 50}});
  const std::string text = "وحزب الطيران سيهاجم وحزب طيران قالت الوزراء سيهاجم طيران والحزب قالت";
  rasd::AnalyzeContext plain;
  plain.stats = &stats;
  const rasd::Analysis expected = analyzer.analyze(text, plain);
  rasd::StemMemo memo;
  rasd::AnalyzeContext remembered = plain;
  remembered.memo = &memo;
  for (int pass = 0; pass < 2; ++pass) {  // the second pass answers every word from the memo
    CAPTURE(pass);
    const rasd::Analysis got = analyzer.analyze(text, remembered);
    REQUIRE(got.tokens.size() == expected.tokens.size());
    for (std::size_t i = 0; i < got.tokens.size(); ++i) {
      CAPTURE(got.tokens[i].norm);
      CHECK(got.tokens[i].stem == expected.tokens[i].stem);
      CHECK(got.tokens[i].alts == expected.tokens[i].alts);
    }
  }
  CHECK(memo.find("وحزب") != nullptr);
  CHECK(memo.find("وحزب")->stem == "حزب");  // under these statistics, not the built-in lexicon's
}

TEST_CASE("stop words: Lucene's list normalised, plus clitic forms; every entry is normalised") {
  const rasd::WordSet stop = rasd::load_stop_words();
  CHECK(stop.size() >= 250);
  for (const char* w : {"من", "في", "الي", "علي", "التي", "الذي", "ان", "هذه", "وفي", "ومن", "فان", "ولكن", "لذلك"})
    CHECK_MESSAGE(stop.count(w) == 1, w);
  for (const char* w : {"حزب", "وزير", "إلى", "على", "فلك"}) CHECK_MESSAGE(stop.count(w) == 0, w);
  const rasd::Normalizer n;
  for (const std::string& w : stop) CHECK_MESSAGE(n.normalize_text(w) == w, w);
}

TEST_CASE("data files are normalised") {
  const rasd::Normalizer n;
  for (const char* file : {"protected_names.txt", "broken_plurals.tsv"}) {
    std::string_view text = rasd::embedded_file(file);
    REQUIRE(!text.empty());
    while (!text.empty()) {
      const auto nl = text.find('\n');
      const std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      for (std::string_view rest = line; !rest.empty();) {
        const auto tab = rest.find('\t');
        const std::string_view field = rest.substr(0, tab);
        rest = tab == std::string_view::npos ? std::string_view{} : rest.substr(tab + 1);
        CHECK_MESSAGE(n.normalize_text(field) == field, file << ": " << field);
      }
    }
  }
}
