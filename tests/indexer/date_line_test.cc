#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "indexer/date_line.h"
#include "indexer/clean.h"
#include "indexer/readers.h"

using namespace rasd;

TEST_CASE("date lines: a day-precision date with only labels, weekdays and times beside it") {
  struct Case {
    const char* line;
    const char* day;  // "" when the line is not a date line
  };
  const Case cases[] = {
      {"الأحد 17 فبراير 2019", "2019-02-17"},
      {"17 فبراير 2019", "2019-02-17"},
      {"نشر في: الأحد 17 فبراير 2019 - 10:30 م", "2019-02-17"},
      {"آخر تحديث: 3 مارس 2023 | 14:05 بتوقيت غرينتش", "2023-03-03"},
      {"الثلاثاء 12 تشرين الأول/أكتوبر 2021", "2021-10-12"},
      {"بتاريخ 2018-05-14", "2018-05-14"},
      {"الخميس 26 أكتوبر 2023", "2023-10-26"},
      // Text that mentions a date is not the page's date.
      {"انتخابات 6 مايو 2018", ""},
      {"هجوم على مركز للشرطة في 17 فبراير 2019", ""},
      // No day: a month or a year is not a publication date.
      {"فبراير 2019", ""},
      {"الأحد", ""},
      {"عام 2018", ""},
      {"", ""},
  };
  const DateLineReader reader;
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(reader.day_of(c.line).value_or("") == c.day);
  }
  // A long line is text even when it holds nothing but a date and labels.
  std::string long_line = "الأحد 17 فبراير 2019";
  while (long_line.size() <= DateLineReader::kMaxLineBytes) long_line += " الأحد";
  CHECK_FALSE(reader.day_of(long_line));
}

namespace {

Report read_txt_text(const std::string& text) {
  const Cleaner cleaner;
  ReadOutcome out = read_reports({"a.txt", "a.txt", text.size()}, text, {}, cleaner);
  REQUIRE(out.reports.size() == 1);
  return out.reports[0];
}

}  // namespace

TEST_CASE("txt: a date line near the top is the publication date, neither title nor body") {
  const std::string title = "هجوم على مركز للشرطة في سيناء";
  const std::string body = "قتل ثلاثة من رجال الشرطة في هجوم شنه مسلحون على مركز في العريش أمس السبت.";
  const std::string date = "الأحد 17 فبراير 2019";
  struct Case {
    const char* name;
    std::string text;
  };
  const Case cases[] = {
      {"above the title", date + "\n" + title + "\n" + body + "\n"},
      {"under the title", title + "\n" + date + "\n" + body + "\n"},
      {"after blank lines and breadcrumbs", "\n\n- الرئيسية\n" + date + "\n\n" + title + "\n" + body},
      {"between section and title", "دولي\n" + date + "\n" + title + "\n" + body + "\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Report r = read_txt_text(c.text);
    CHECK(r.title == title);
    CHECK(r.published.value_or("") == "2019-02-17");
    CHECK(r.dated_from_text);
    CHECK(r.body == body);
  }
  const Report sectioned = read_txt_text(cases[3].text);
  CHECK(nlohmann::json::parse(sectioned.extra_json)["section"] == "دولي");
}

TEST_CASE("txt: no date line, no date; a date deep in the body or in the title is not one") {
  const Report none = read_txt_text("عنوان الخبر هنا\nنص الخبر في سطره الأول.\n");
  CHECK_FALSE(none.published);
  CHECK_FALSE(none.dated_from_text);
  const Report titled = read_txt_text("انتخابات 6 مايو 2018\nيتوجه الناخبون إلى صناديق الاقتراع.\n");
  CHECK(titled.title == "انتخابات 6 مايو 2018");
  CHECK_FALSE(titled.published);
  std::string deep = "عنوان الخبر\n";
  for (int i = 0; i < 6; ++i) deep += "فقرة رقم " + std::to_string(i + 1) + " من نص الخبر الطويل.\n";
  deep += "الأحد 17 فبراير 2019\n";
  CHECK_FALSE(read_txt_text(deep).published);
}
