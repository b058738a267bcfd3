#include <doctest/doctest.h>

#include <string>

#include "indexer/clean.h"

using rasd::Cleaner;
using rasd::LineKind;

TEST_CASE("boilerplate lines of news pages are recognised") {
  const Cleaner cleaner;
  struct Case {
    const char* line;
    LineKind kind;
  };
  const Case cases[] = {
      {"تعليقات القراء", LineKind::Tail},
      {"لا يوجد تعليقات", LineKind::Boilerplate},
      {"اترك رد", LineKind::Tail},
      {"لن يتم نشر عنوان بريدك الإلكتروني.", LineKind::Boilerplate},
      {"طباعة شارك الخارجية الامم المتحدة القضية الفلسطينية", LineKind::Boilerplate},
      {"ملصقات", LineKind::Tail},
      {"- الرئيسية", LineKind::Boilerplate},
      {"إقرأ أيضاً:", LineKind::Boilerplate},
      {"اقرأ أيضا:", LineKind::Boilerplate},
      {"اقرأ ايضا: مقال عن موضوع آخر", LineKind::Boilerplate},
      {"كلمات دلالية:", LineKind::Tail},
      {"0", LineKind::Boilerplate},
      {"124", LineKind::Boilerplate},
      {"3 تعليقات", LineKind::Boilerplate},
      {"شؤون عربية", LineKind::Content},
      {"وقالت وزارة الخارجية في بيان لها إن الوفود ناقشت التهديد.", LineKind::Content},
      {"قتل 3 أشخاص", LineKind::Content},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(cleaner.classify(c.line) == c.kind);
  }
}

TEST_CASE("repeated paragraphs are kept once and copies of the title dropped") {
  const Cleaner cleaner;
  const std::string body = "عنوان الخبر\nالفقرة الأولى من الخبر.\n\nالفقرة الثانية.\nالفقرة الأولى من الخبر.\n  الفقرة الثانية.  ";
  CHECK(cleaner.clean_body(body, "- عنوان الخبر") == "الفقرة الأولى من الخبر.\nالفقرة الثانية.");
}

TEST_CASE("a tail marker ends the article only after some content") {
  const Cleaner cleaner;
  const std::string para(300, 'x');
  CHECK(cleaner.clean_body(para + "\nكلمات دلالية:\nفيروس كورونا\nالإمارات", "") == para);
  // Too early to be the end of an article: only the marker line goes.
  CHECK(cleaner.clean_body("ملصقات\nنص قصير", "") == "نص قصير");
}

TEST_CASE("titles lose bullets, hashes and extra spaces") {
  CHECK(Cleaner::clean_title("- اسرائيل تشارك  بمؤتمر ") == "اسرائيل تشارك بمؤتمر");
  CHECK(Cleaner::clean_title("#الرباط: تأكيد") == "الرباط: تأكيد");
  CHECK(Cleaner::trim("\xC2\xA0 نص \t") == "نص");
}
