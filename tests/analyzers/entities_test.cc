// Entity extraction (ARABIC.md §4): tables of text -> mentions, precision cases that must find
// nothing, and the span invariants every extraction keeps.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "tests/analyzers/analyzer_fixture.h"
#include "tests/support/table.h"

namespace {

using rasd::test::joined;

const rasd::Analyzer& analyzer() { return rasd::test::plain_analyzer(); }

/// "type:id[:country]=original text" for each mention, in order.
std::vector<std::string> mentions(std::string_view text) {
  std::vector<std::string> out;
  for (const rasd::EntityMention& e : analyzer().analyze(text).entities) {
    std::string s = std::string(rasd::to_string(e.type)) + ":" + e.id;
    if (e.type == rasd::EntityType::Organization && !e.country.empty()) s += ":" + e.country;
    out.push_back(s + "=" + std::string(text.substr(e.start, e.end - e.start)));
  }
  return out;
}

struct Row {
  const char* what;
  const char* text;
  std::vector<std::string> expected;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    const std::string what = r.what, text = r.text;
    CAPTURE(what);
    CAPTURE(text);
    CHECK(joined(mentions(r.text)) == joined(r.expected));
  }
}

}  // namespace

TEST_CASE("countries: names, aliases and proclitic chains on the first word") {
  check_rows({
      {"plain", "زار المغرب", {"country:MA=المغرب"}},
      {"wa", "المغرب وإسرائيل", {"country:MA=المغرب", "country:IL=وإسرائيل"}},
      {"bi+al", "مؤتمر بالمغرب", {"country:MA=بالمغرب"}},
      {"li+al written lil", "زيارته للمغرب", {"country:MA=للمغرب"}},
      {"wa+bi+al", "ووبالمغرب", {}},
      {"fa+li", "فلإسرائيل", {"country:IL=فلإسرائيل"}},
      {"alias, long form", "دولة الإمارات العربية المتحدة", {"country:AE=دولة الإمارات العربية المتحدة"}},
      {"alias, short form", "الإمارات", {"country:AE=الإمارات"}},
      {"alias with bi", "بدولة الإمارات", {"country:AE=بدولة الإمارات"}},
      {"America, two spellings", "أمريكا وأميركا", {"country:US=أمريكا", "country:US=وأميركا"}},
      {"longest match wins", "الولايات المتحدة الأمريكية", {"country:US=الولايات المتحدة الأمريكية"}},
      {"Hebrew state", "بالدولة العبرية", {"country:IL=بالدولة العبرية"}},
      {"Western Sahara, both names", "الصحراء الغربية والصحراء المغربية",
       {"country:EH=الصحراء الغربية", "country:EH=والصحراء المغربية"}},
      {"unvowelled hamza", "اسرائيل", {"country:IL=اسرائيل"}},
  });
}

TEST_CASE("countries: nisba forms name the country") {
  check_rows({
      {"masculine", "الوفد المغربي", {"country:MA=المغربي"}},
      {"feminine", "السلطات المغربية", {"country:MA=المغربية"}},
      {"broken plural", "المسؤولين المغاربة", {"country:MA=المغاربة"}},
      {"sound plural, oblique", "الإسرائيليين", {"country:IL=الإسرائيليين"}},
      {"sound plural with li", "للإسرائيليين", {"country:IL=للإسرائيليين"}},
      {"bare plural", "مسؤولون إسرائيليون", {"country:IL=إسرائيليون"}},
      {"American", "العاصمة الأمريكية", {"country:US=الأمريكية"}},
      {"a nisba after a title", "الرئيس المصري", {"country:EG=المصري"}},
      {"a nisba after a given name is a family name", "قال محمد المصري", {}},
  });
}

TEST_CASE("organisations: longest match, acronyms, ministries tied to their country") {
  check_rows({
      {"alliance", "التحالف الأمني الدولي", {"org:international-security-alliance=التحالف الأمني الدولي"}},
      {"UN", "تقرير الأمم المتحدة", {"org:united-nations=الأمم المتحدة"}},
      {"league beats countries inside it", "وجامعة الدول العربية", {"org:arab-league=وجامعة الدول العربية"}},
      {"DGSN", "المديرية العامة للأمن الوطني", {"org:dgsn:MA=المديرية العامة للأمن الوطني"}},
      {"DGST short", "ومراقبة التراب الوطني", {"org:dgst:MA=ومراقبة التراب الوطني"}},
      {"Mossad", "الموساد والشاباك", {"org:mossad:IL=الموساد", "org:shin-bet:IL=والشاباك"}},
      {"news agency", "(وام) و(واس)", {"org:wam:AE=وام", "org:spa:SA=واس"}},
      {"ministry + nisba", "وزارة الداخلية المغربية", {"org:ministry-interior-ma:MA=وزارة الداخلية المغربية"}},
      {"ministry + fi + country", "وزارة الداخلية في المغرب", {"org:ministry-interior-ma:MA=وزارة الداخلية في المغرب"}},
      {"ministry + bi + country", "وزارة الدفاع بالجزائر", {"org:ministry-defense-dz:DZ=وزارة الدفاع بالجزائر"}},
      {"ministry, no country", "وزارة الخارجية في القدس",
       {"org:ministry-foreign-affairs=وزارة الخارجية", "place:jerusalem=القدس"}},
      {"polisario", "جبهة البوليساريو", {"org:polisario=جبهة البوليساريو"}},
      {"IRGC over Iran", "الحرس الثوري الإيراني", {"org:irgc:IR=الحرس الثوري الإيراني"}},
  });
}

TEST_CASE("organisations: ambiguous names need a trigger, quotes or a confirmation") {
  check_rows({
      {"trigger", "عناصر القاعدة", {"org:al-qaeda=القاعدة"}},
      {"trigger with wa", "وتنظيم القاعدة", {"org:al-qaeda=وتنظيم القاعدة"}},
      {"quoted", "تشكله ’القاعدة’ وأتباعها", {"org:al-qaeda=القاعدة"}},
      {"confirmed earlier in the text", "تنظيم القاعدة ... ثم القاعدة", {"org:al-qaeda=تنظيم القاعدة", "org:al-qaeda=القاعدة"}},
      {"a rule, not a group", "القاعدة العامة في القانون", {}},
      {"an air base", "القاعدة الجوية", {}},
      {"Mali vs financial", "الدعم المالي لمالي", {}},
      {"Mali with a cue", "جمهورية مالي", {"country:ML=جمهورية مالي"}},
      {"the state", "الدولة", {}},
      {"the guard alone", "الحرس", {}},
      {"Amman or Oman", "عمان", {}},
  });
}

TEST_CASE("persons: gazetteer, title patterns, whole names, last names alone") {
  check_rows({
      {"gazetteer", "عبد اللطيف حموشي", {"person:abdellatif-hammouchi=عبد اللطيف حموشي"}},
      {"bin and al kept whole", "الشيخ سيف بن زايد آل نهيان", {"person:saif-bin-zayed=سيف بن زايد آل نهيان"}},
      {"abd joined", "راشد بن عبدالله آل خليفة", {"person:rashid-bin-abdullah-al-khalifa=راشد بن عبدالله آل خليفة"}},
      {"title + unknown name", "وزير الداخلية عبد الوهاب الفلاحي",
       {"person:person-abd-alwhab-alflahy=عبد الوهاب الفلاحي"}},
      {"title + nisba + unknown name", "الرئيس الموريتاني محمد ولد سالم",
       {"country:MR=الموريتاني", "person:person-mhmd-wld-salm=محمد ولد سالم"}},
      {"a given name without a title is no person", "قال محمد سالم", {}},
      {"untitled: a given name and known name parts, ending at punctuation", "وقال رامي عبد الرحمن ، مدير المرصد",
       {"person:person-ramy-abd-alrhmn=رامي عبد الرحمن"}},
      {"untitled: a connector and its word", "قال نبيل أبو ردينة إن",
       {"person:person-nbyl-abw-rdynh=نبيل أبو ردينة"}},
      {"untitled: a name that may go on is no person", "زار محمد حسين القاهرة", {"place:cairo-eg=القاهرة"}},
      {"untitled: on behalf of, not Basem", "قال متحدث باسم أردوغان",
       {"person:recep-tayyip-erdogan=أردوغان"}},
      {"untitled: I thank God", "أحمد الله على ذلك", {}},
      {"a last word that is a given name names no one alone", "الدكتور نبيل خالد ، وأضاف خالد",
       {"person:person-nbyl-khald=نبيل خالد"}},
      {"an untitled name lends its last word to no one", "وأضاف محمد حافظ ، محامي . وقد حافظ الجيش",
       {"person:person-mhmd-hafz=محمد حافظ"}},
      {"untitled: good morning", "صباح سعيد .", {}},
      {"a connector as a connector's word takes a word of its own", "قال الشيخ سعد بن أبي وقاص إن",
       {"person:person-sad-bn-aby-wqas=سعد بن أبي وقاص"}},
      {"a province or Saladin, not a person", "هجوم في صلاح الدين .", {}},
      {"the province named plainly", "هجوم في محافظة صلاح الدين . وفي صلاح الدين", {"place:salah-al-din=محافظة صلاح الدين", "place:salah-al-din=صلاح الدين"}},
      {"a title alone is no person", "وزير الداخلية", {}},
      {"surname resolves to the full name",
       "زار كوبي شبتاي الرباط. وقال شبتاي إن",
       {"person:kobi-shabtai=كوبي شبتاي", "place:rabat-ma=الرباط", "person:kobi-shabtai=شبتاي"}},
      {"surname before the full name, same document", "قال شبتاي ... كوبي شبتاي",
       {"person:kobi-shabtai=شبتاي", "person:kobi-shabtai=كوبي شبتاي"}},
      {"surname of a title-pattern person", "المدير العام خالد الزبيري ... وأكد الزبيري",
       {"person:person-khald-alzbyry=خالد الزبيري", "person:person-khald-alzbyry=الزبيري"}},
      {"no full name, no surname", "قال شبتاي", {}},
      {"family name alone stays unresolved", "وأشار آل نهيان", {}},
  });
}

TEST_CASE("places: cities linked to their country, common words left alone") {
  check_rows({
      {"city", "في مدينة مراكش", {"place:marrakech-ma=مراكش"}},
      {"city with bi", "بالرباط", {"place:rabat-ma=بالرباط"}},
      {"two words", "الدار البيضاء", {"place:casablanca-ma=الدار البيضاء"}},
      {"synagogue is not Nice", "كنيس المدينة", {}},
      {"the city", "المدينة", {}},
      {"the news", "الخبر", {}},
      {"the eyes", "العيون", {}},
      {"region", "منطقة الساحل والصحراء", {"place:sahel=منطقة الساحل والصحراء"}},
      {"common word, no cue", "مما أبهر العلماء", {}},
      {"verb, no cue", "هي التي تدمر الآخرين", {}},
      {"cued city", "وقعت اشتباكات في تدمر", {"place:tadmur-sy=تدمر"}},
      {"city of a named country", "سوريا: اشتباكات قرب حمص وتدمر", {"country:SY=سوريا", "place:homs=حمص", "place:tadmur-sy=وتدمر"}},
      {"capital needs no cue", "قالت موسكو إن", {"place:moscow-ru=موسكو"}},
  });
}

TEST_CASE("places inside organisation and team names are no places") {
  check_rows({
      {"team", "فاز دينامو موسكو أمس", {}},
      {"team with li", "انضم لريال مدريد", {}},
      {"newspaper", "قالت صحيفة القدس", {}},
      {"company", "أعلنت شركة قطر للبترول", {}},
      {"plain city stays", "وصل إلى موسكو أمس", {"place:moscow-ru=موسكو"}},
      {"quoted newspaper", "وقال لـ«الشرق الأوسط» أمس", {"org:asharq-al-awsat:SA=الشرق الأوسط"}},
      {"newspaper with head", "صحيفة الشرق الأوسط", {"org:asharq-al-awsat:SA=صحيفة الشرق الأوسط"}},
      {"region", "الوضع في الشرق الأوسط", {"place:middle-east=الشرق الأوسط"}},
      {"birthplace", "ولد في مسقط رأسه", {}},
      {"sunset prayer", "بعد صلاة المغرب", {}},
      {"muscat", "وصل إلى مسقط أمس", {"place:muscat=مسقط"}},
      {"quoted country stays a country", "تأكيد “المغرب” و”الإمارات”", {"country:MA=المغرب", "country:AE=الإمارات"}},
  });
}

TEST_CASE("context: a name's words that name an office, a club, a title, a person or a common noun") {
  check_rows({
      {"office, not the ministry", "قال وزير الخارجية الإيراني", {"country:IR=الإيراني"}},
      {"office with the ministry's long name", "وزيرة الخارجية الأمريكية كوندوليزا رايس",
       {"country:US=الأمريكية", "person:condoleezza-rice=كوندوليزا رايس"}},
      {"the ministry itself stays", "أعلنت وزارة الخارجية الإيرانية", {"org:ministry-foreign-affairs-ir:IR=وزارة الخارجية الإيرانية"}},
      {"demonstrative: the common noun", "شذ عن هذه القاعدة", {}},
      {"club: a city's nisba", "خسر أمام المغرب الفاسي", {}},
      {"club: its own nisba", "فاز قطر القطري", {}},
      {"a nisba that is no city's stays out", "زار لبنان الجنوبي", {"country:LB=لبنان"}},
      {"quoted title after a work", "رواية \" القاهرة الجديدة \" للكاتب", {}},
      {"quoted newspaper title", "صحيفة \" واشنطن تايمز \" أن", {}},
      {"quoted speech keeps its place", "وقال \" العراق يتطلع إلى صفقة \"", {"country:IQ=العراق"}},
      {"small city after a given name", "محمد بنيس شاعر", {}},
      {"small city after a cue", "سافر إلى نيس", {"place:nice-fr=نيس"}},
      {"event", "بطولة الولايات المتحدة المفتوحة", {}},
      {"given name, not a city", "الدكتور غازي حمد", {}},
      {"common word, not a city", "في مساكن فاخرة", {}},
      {"a common word with a proclitic", "وصل باكرا", {}},
      {"a name two countries' cities share", "اشتباكات في القنيطرة", {}},
      {"California is no Colombian city", "في كاليفورنيا", {"place:california=كاليفورنيا"}},
      {"Tartus is Syria's", "ميناء طرطوس", {"place:tartus=ميناء طرطوس"}},
      {"qualifier: the presidential guard", "عناصر الحرس الرئاسي", {}},
      {"qualifier: an air base", "تنظيم القاعدة يهاجم القاعدة الجوية", {"org:al-qaeda=تنظيم القاعدة"}},
      {"no qualifier: al-Qaeda stays", "عناصر القاعدة الإرهابي", {"org:al-qaeda=القاعدة"}},
      {"a short name under ف is another word (Varna, not IRNA)", "في فارنا", {}},
      {"a short name under و stays", "أفادت وارنا", {"org:irna:IR=وارنا"}},
      {"a short city under ف stays", "في سوريا . فحلب مدينة كبيرة", {"country:SY=سوريا", "place:aleppo=فحلب"}},
      {"an adjective that does not agree qualifies another word", "زعيم القاعدة الجديد",
       {"org:al-qaeda=القاعدة"}},
      {"New Jersey is not Jersey", "في ولاية نيو جيرسي", {"place:new-jersey=نيو جيرسي"}},
      {"a tournament names no continent", "تصفيات كأس أمم أفريقيا", {}},
  });
}

TEST_CASE("a country named like its feminine nisba is the adjective after a definite word") {
  struct Case {
    const char* text;
    bool adjective;
  };
  for (const Case& c : {Case{"العائلة المالكة السعودية", true}, Case{"المحادثات الإسرائيلية السعودية", true},
                        Case{"زار السعودية أمس", false}, Case{"إلى السعودية", false}}) {
    CAPTURE(c.text);
    const std::vector<rasd::EntityMention> found = analyzer().analyze(c.text).entities;
    REQUIRE(!found.empty());
    const rasd::EntityMention& last = found.back();
    CHECK(last.id == "SA");
    CHECK(last.adjective == c.adjective);
  }
}

TEST_CASE("a name does not span punctuation or a line break") {
  check_rows({
      {"comma", "الولايات، المتحدة", {}},
      {"line break", "جامعة الدول\nالعربية", {}},
  });
}

TEST_CASE("mentions: spans wrap whole tokens, positions and order are consistent") {
  const std::string text =
      "والتقى كوبي شبتاي خلال زيارته للمغرب المدير العام للأمن الوطني ومراقبة التراب الوطني عبد اللطيف حموشي، "
      "ووزارة الداخلية المغربية و«القاعدة» وتنظيم القاعدة في بلاد المغرب الإسلامي.";
  const rasd::Analysis a = analyzer().analyze(text);
  REQUIRE(a.entities.size() >= 6);
  std::uint32_t last_start = 0;
  for (const rasd::EntityMention& e : a.entities) {
    CHECK(e.start < e.end);
    CHECK(e.end <= text.size());
    CHECK(e.start >= last_start);
    CHECK(e.first_pos <= e.last_pos);
    CHECK(!e.id.empty());
    CHECK(!e.label_ar.empty());
    bool starts_token = false, ends_token = false;
    for (const rasd::Token& t : a.tokens) {
      starts_token = starts_token || (t.start == e.start && t.pos == e.first_pos);
      ends_token = ends_token || (t.end == e.end && t.pos == e.last_pos);
      if (t.pos >= e.first_pos && t.pos <= e.last_pos) CHECK(t.keyword);
    }
    CHECK(starts_token);
    CHECK(ends_token);
    last_start = e.start;
  }
}

TEST_CASE("extraction is total on odd input") {
  for (std::string_view text : {std::string_view(""), std::string_view("و"), std::string_view("\xff\xfe ال"),
                                std::string_view("للل ووو ببب"), std::string_view("وزير الداخلية")}) {
    const rasd::Analysis a = analyzer().analyze(text);
    for (const rasd::EntityMention& e : a.entities) CHECK(e.end <= text.size());
  }
}
