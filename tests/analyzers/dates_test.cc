// Date extraction (ARABIC.md §4): month names in the three naming systems and their pairs,
// Hijri dates, numeric dates, years, and relative forms resolved only against a known date.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/dates/dates.h"
#include "tests/analyzers/analyzer_fixture.h"
#include "tests/support/table.h"

namespace {

using rasd::test::joined;

const rasd::Analyzer& analyzer() { return rasd::test::plain_analyzer(); }

/// "value/precision=original text" for each date, in order.
std::vector<std::string> dates(std::string_view text, const char* published) {
  rasd::AnalyzeContext ctx;
  if (published) ctx.published = published;
  std::vector<std::string> out;
  for (const rasd::DateMention& d : analyzer().analyze(text, ctx).dates)
    out.push_back(d.value + "/" + rasd::to_string(d.precision) + "=" + std::string(text.substr(d.start, d.end - d.start)));
  return out;
}

struct Row {
  const char* what;
  const char* text;
  const char* published;  // nullptr: unknown
  std::vector<std::string> expected;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    const std::string what = r.what, text = r.text;
    CAPTURE(what);
    CAPTURE(text);
    CHECK(joined(dates(r.text, r.published)) == joined(r.expected));
  }
}

}  // namespace

TEST_CASE("Gregorian months in the three naming systems") {
  check_rows({
      {"Egyptian/Gulf", "في فبراير 2019", nullptr, {"2019-02/month=فبراير 2019"}},
      {"with bi", "بفبراير 2019", nullptr, {"2019-02/month=بفبراير 2019"}},
      {"day month year", "الخميس 14 فبراير 2019", nullptr, {"2019-02-14/day=14 فبراير 2019"}},
      {"Levantine", "في 3 تشرين الثاني 2021", nullptr, {"2021-11-03/day=3 تشرين الثاني 2021"}},
      {"Levantine one word", "في آب 2020", nullptr, {"2020-08/month=آب 2020"}},
      {"Maghreb May", "في 5 ماي 2023", nullptr, {"2023-05-05/day=5 ماي 2023"}},
      {"Maghreb July", "يوليوز 2016", nullptr, {"2016-07/month=يوليوز 2016"}},
      {"Maghreb August", "غشت 2016", nullptr, {"2016-08/month=غشت 2016"}},
      {"Maghreb September", "شتنبر 2016", nullptr, {"2016-09/month=شتنبر 2016"}},
      {"Maghreb November", "نونبر 2016", nullptr, {"2016-11/month=نونبر 2016"}},
      {"Maghreb December", "دجنبر 2016", nullptr, {"2016-12/month=دجنبر 2016"}},
      {"Algerian", "جويلية 2016", nullptr, {"2016-07/month=جويلية 2016"}},
      {"Arabic-Indic digits", "١٤ فبراير ٢٠١٩", nullptr, {"2019-02-14/day=١٤ فبراير ٢٠١٩"}},
      {"an impossible day is no day", "31 فبراير 2019", nullptr, {"2019-02/month=فبراير 2019"}},
      {"skipped words before the year", "في شهر ايلول الماضي 2019", nullptr, {"2019-09/month=ايلول الماضي 2019"}},
  });
}

TEST_CASE("paired month names") {
  check_rows({
      {"Levantine/Egyptian", "في كانون الأول/ديسمبر 2020", nullptr, {"2020-12/month=كانون الأول/ديسمبر 2020"}},
      {"Levantine/Egyptian Nov", "في تشرين الثاني/نوفمبر 2021", nullptr, {"2021-11/month=تشرين الثاني/نوفمبر 2021"}},
      {"space after slash", "يوليو/ تموز 2016", nullptr, {"2016-07/month=يوليو/ تموز 2016"}},
      {"pair without year, unknown date", "نهاية آذار/مارس", nullptr, {}},
      {"pair without year, known date", "نهاية آذار/مارس", "2022-05-10", {"2022-03/month=آذار/مارس"}},
      {"later month than publication: last year", "في 20 نوفمبر", "2022-02-01", {"2021-11-20/day=20 نوفمبر"}},
      {"a month alone after a cue", "في شهر مايو", "2022-06-10", {"2022-05/month=مايو"}},
      {"a month alone without a cue is no date", "قالت تيريزا ماي", "2022-06-10", {}},
  });
}

TEST_CASE("years, numeric and ISO dates, Hijri dates") {
  check_rows({
      {"year cue", "عام 2018", nullptr, {"2018/year=عام 2018"}},
      {"year cue with article", "العام 2018", nullptr, {"2018/year=العام 2018"}},
      {"year cue with li", "لعام 2018", nullptr, {"2018/year=لعام 2018"}},
      {"bare number is no year", "نحو 2018 شخصا", nullptr, {}},
      {"year cue sana", "منذ سنة 2019", nullptr, {"2019/year=سنة 2019"}},
      {"year before 1950", "نكبة عام 1948", nullptr, {"1948/year=عام 1948"}},
      {"preposition before a year", "ولد في 1987 .", nullptr, {"1987/year=في 1987"}},
      {"preposition, year at the end", "منذ 2011", nullptr, {"2011/year=منذ 2011"}},
      {"preposition before a year and a stop word", "في 1987 التي", nullptr, {"1987/year=في 1987"}},
      {"preposition before a count is no year", "في 2000 قرية", nullptr, {}},
      {"preposition before a small number", "في 120 قرية", nullptr, {}},
      {"Hijri year with its cue", "توفي عام 1325 هـ", nullptr, {"1907/year=عام 1325 هـ"}},
      {"Hijri year, era joined", "سنة 1445هـ", nullptr, {"2024/year=سنة 1445هـ"}},
      {"Hijri year in words", "عام 1400 هجرية", nullptr, {"1980/year=عام 1400 هجرية"}},
      {"a Hijri-range number without era is no year", "عام 1325", nullptr, {}},
      {"ISO", "بتاريخ 2019-02-14", nullptr, {"2019-02-14/day=2019-02-14"}},
      {"day first", "بتاريخ 14/02/2019", nullptr, {"2019-02-14/day=14/02/2019"}},
      {"dotted", "بتاريخ 14.02.2019", nullptr, {"2019-02-14/day=14.02.2019"}},
      {"slashes with spaces", "في 26 / 4 / 1948", nullptr, {"1948-04-26/day=26 / 4 / 1948"}},
      {"dashes with spaces", "يوم 3 - 11 - 2019", nullptr, {"2019-11-03/day=3 - 11 - 2019"}},
      {"one side spaced", "في 26/ 4/ 1948", nullptr, {"1948-04-26/day=26/ 4/ 1948"}},
      {"mixed separators are no date", "26 / 4 - 1948", nullptr, {}},
      {"a fraction with spaces is no date", "نسبة 3 / 4", nullptr, {}},
      {"a law number is no date", "القانون رقم 03-73", nullptr, {}},
      {"Hijri day", "1 رمضان 1445 هـ", nullptr, {"2024-03-11/day=1 رمضان 1445 هـ"}},
      {"Hijri joined era", "10 ذو الحجة 1444هـ", nullptr, {"2023-06-28/day=10 ذو الحجة 1444هـ"}},
      {"Hijri month", "شوال 1445 هـ", nullptr, {"2024-04/month=شوال 1445 هـ"}},
      {"Hijri month without era is a name", "رمضان 1445", nullptr, {}},
  });
}

TEST_CASE("relative dates resolve against the publication date, never without it") {
  check_rows({
      {"yesterday + weekday", "استقبل أمس الثلاثاء", "2023-05-17", {"2023-05-16/day=أمس الثلاثاء"}},
      {"yesterday, unknown date", "استقبل أمس الثلاثاء", nullptr, {}},
      {"day before yesterday", "أول أمس", "2023-05-17", {"2023-05-15/day=أول أمس"}},
      {"last week", "الأسبوع الماضي", "2023-05-03", {"2023-04/month=الأسبوع الماضي"}},
      {"this month", "بداية الشهر الجاري", "2023-05-17", {"2023-05/month=الشهر الجاري"}},
      {"last month across a year", "في الشهر الماضي", "2023-01-10", {"2022-12/month=الشهر الماضي"}},
      {"last year", "العام الماضي", "2023-01-10", {"2022/year=العام الماضي"}},
      {"last Thursday", "الخميس الماضي", "2023-05-17", {"2023-05-11/day=الخميس الماضي"}},
      {"next Sunday", "الأحد المقبل", "2023-05-17", {"2023-05-21/day=الأحد المقبل"}},
      {"today + weekday", "اليوم الأربعاء", "2023-05-17", {"2023-05-17/day=اليوم الأربعاء"}},
      {"today alone is not a date", "العدالة اليوم", "2023-05-17", {}},
      {"a weekday alone", "يوم الخميس", "2023-05-17", {}},
      {"malformed publication date", "أمس", "2023-13-40", {}},
  });
}

TEST_CASE("civil calendar arithmetic round-trips") {
  for (long days : {-1000000L, -1L, 0L, 59L, 10957L, 19000L, 2932896L}) {
    int y = 0, m = 0, d = 0;
    rasd::civil_from_days(days, y, m, d);
    CHECK(rasd::days_from_civil(y, m, d) == days);
  }
  CHECK(rasd::days_from_civil(1970, 1, 1) == 0);
  CHECK(rasd::days_from_civil(2000, 3, 1) == 11017);
}
