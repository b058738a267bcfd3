#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "index/xapian_adapter.h"
#include "indexer/clean.h"
#include "indexer/index_writer.h"
#include "indexer/indexing_run.h"
#include "tests/support/indexing.h"
#include "tests/support/temp_dir.h"
#include "indexer/clean.h"
#include "indexer/input.h"
#include "indexer/readers.h"

using namespace rasd;
using rasd::test::fixture;

namespace {

ReadOutcome read_path(const std::string& path, ReadOptions options = {}) {
  const Cleaner cleaner;
  const std::vector<InputFile> files = list_inputs({path});
  REQUIRE(files.size() == 1);
  return read_reports(files[0], read_input_bytes(files[0]), options, cleaner);
}

ReadOutcome read_text(const std::string& name, const std::string& bytes, ReadOptions options = {}) {
  const Cleaner cleaner;
  return read_reports({name, name, bytes.size()}, bytes, options, cleaner);
}

}  // namespace

TEST_CASE("formats are detected by content, then extension") {
  struct Case {
    const char* name;
    const char* head;
    Format format;
  };
  const Case cases[] = {
      {"a.txt", "<DOC>\n<DOCNO>x</DOCNO>", Format::Trec}, {"a.html", "hello", Format::Html},
      {"a", "<!DOCTYPE html><html>", Format::Html},       {"a.jsonl.gz", "{}", Format::Jsonl},
      {"a.dat", "{\"id\": 1}", Format::Jsonl},            {"notes", "نص عادي", Format::Txt},
      {"x.trec.gz", "junk", Format::Trec},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(detect_format({c.name, c.name, 0}, c.head, Format::Auto) == c.format);
  }
  CHECK(detect_format({"a.html", "a.html", 0}, "x", Format::Txt) == Format::Txt);
  CHECK(id_from_relative_path("world/2023/a.html.gz") == "world/2023/a");
  CHECK(id_from_relative_path("b.txt") == "b");
}

TEST_CASE("txt: a section label before the title is kept aside") {
  const ReadOutcome out = read_path(fixture("seeds/000_8729763eaee5121f.txt"));
  REQUIRE(out.reports.size() == 1);
  const Report& r = out.reports[0];
  CHECK(r.id == "000_8729763eaee5121f");
  CHECK(r.title == "تعاون أمني بين المغرب وإسرائيل في إطار تحالف دولي");
  CHECK(nlohmann::json::parse(r.extra_json)["section"] == "دولي");
  CHECK(r.body.find("ملصقات") == std::string::npos);
  CHECK(r.body.find("انضمت إسرائيل رسميا") == 0);
  CHECK(r.body.find("انضمت إسرائيل رسميا", 10) == std::string::npos);  // the repeated body is gone
  CHECK(r.published.value_or("") == "2020-12-14");  // its date line (fixtures/README.md), never the file time
  CHECK(r.dated_from_text);
}

TEST_CASE("txt: breadcrumbs and a repeated title are dropped") {
  const ReadOutcome out = read_path(fixture("seeds/001_472c74c3ee9cd5b0.txt"));
  REQUIRE(out.reports.size() == 1);
  const Report& r = out.reports[0];
  CHECK(r.title == "اسرائيل تشارك بمؤتمر لمكافحة الارهاب بالمغرب وتتحدث عن دفء العلاقات مع دول عربية");
  CHECK(r.body.rfind("عمانيات", 0) == 0);
  CHECK(r.body.find("تعليقات القراء") == std::string::npos);
  CHECK(r.body.find("لا يوجد تعليقات") == std::string::npos);
}

TEST_CASE("html: title, date from metadata, body without furniture") {
  const ReadOutcome out = read_path(fixture("indexer/page.html"));
  REQUIRE(out.reports.size() == 1);
  const Report& r = out.reports[0];
  CHECK(r.title == "تفكيك خلية إرهابية في الدار البيضاء");
  CHECK(r.published.value_or("") == "2023-03-12T08:30:00Z");
  CHECK(r.url == "https://example.org/news/cell-casablanca");
  CHECK(r.source == "hespress");
  CHECK(r.body.find("أعلن المكتب المركزي") == 0);
  CHECK(r.body.find("المتفجرات") != std::string::npos);
  for (const char* gone : {"tracking", "لا تظهر", "تعليق داخلي", "فيسبوك", "اقرأ أيضا", "تعليق من قارئ", "الحقوق",
                           "font-family", "الرئيسية"}) {
    CAPTURE(gone);
    CHECK(r.body.find(gone) == std::string::npos);
  }
}

TEST_CASE("html: the date falls back to JSON-LD, then <time datetime>") {
  const std::string jsonld = R"(<html><head><script type="application/ld+json">
    {"@graph":[{"@type":"NewsArticle","datePublished":"2022-01-05T10:00:00Z"}]}</script></head>
    <body><time datetime="2020-01-01">x</time><p>نص الخبر هنا</p></body></html>)";
  CHECK(read_text("a.html", jsonld).reports.at(0).published.value_or("") == "2022-01-05T10:00:00Z");
  const std::string time = R"(<html><body><article><time datetime="2021-06-30">x</time><p>نص</p></article></body></html>)";
  CHECK(read_text("b.html", time).reports.at(0).published.value_or("") == "2021-06-30");
}

TEST_CASE("jsonl: fields, unknown keys kept as extra, ids from metadata") {
  const ReadOutcome out = read_path(fixture("indexer/reports.jsonl"));
  REQUIRE(out.reports.size() == 3);
  const Report& a = out.reports[0];
  CHECK(a.id == "ma-2023-001");
  CHECK(a.source == "MAP");
  CHECK(a.published.value_or("") == "2023-05-02");
  const auto extra = nlohmann::json::parse(a.extra_json);
  CHECK(extra["section"] == "أمن");
  CHECK(extra["tags"].size() == 2);
  CHECK(out.reports[1].published.value_or("") == "2023-05-03T12:00:00Z");
  CHECK(out.reports[2].id == "7");
  CHECK_FALSE(out.reports[2].published);
}

TEST_CASE("jsonl: a malformed line is skipped with file:line, the rest indexed") {
  const std::string text = "{\"id\":\"a\",\"title\":\"عنوان\",\"body\":\"نص\"}\n{\"id\": \"b\", broken\n\n[1,2]\n"
                           "{\"id\":\"c\",\"title\":\"عنوان آخر\",\"body\":\"نص آخر\"}\n";
  const ReadOutcome out = read_text("in.jsonl", text);
  REQUIRE(out.reports.size() == 2);
  CHECK(out.reports[1].id == "c");
  REQUIRE(out.skipped.size() == 2);
  CHECK(out.skipped[0].where == "in.jsonl:2");
  CHECK(out.skipped[1].where == "in.jsonl:4");
  CHECK(out.skipped[0].detail.find("in.jsonl:2") != std::string::npos);
}

TEST_CASE("trec: ANT records") {
  const ReadOutcome out = read_path(fixture("indexer/ant-excerpt.trec"));
  REQUIRE(out.reports.size() == 2);
  const Report& r = out.reports[0];
  CHECK(r.id == "BB-middleEast-1-20180218");
  CHECK(r.source == "bbc");
  CHECK(r.published.value_or("") == "2018-02-18T20:50:44Z");
  CHECK(r.url == "http://www.bbc.co.uk/arabic/middleeast-43107909");
  CHECK(r.title.find("الفيدرالية العربية") == 0);
  CHECK(r.body.find("الفيدرالية العربية لحقوق الإنسان تطالب، في بيان") == 0);  // the abstract leads
  CHECK(r.body.find("وصفت الفيدرالية العربية") != std::string::npos);
  CHECK(nlohmann::json::parse(r.extra_json)["category"] == "middleEast");
  CHECK(r.origin.find("ant-excerpt.trec:1") != std::string::npos);
  // An abstract the text already holds is not repeated.
  const std::string doc = "<DOC>\n<DOCNO>X-1</DOCNO>\n<ABSTRACT>\nقال الرئيس إنه قلق\n</ABSTRACT>\n<TEXT>\n"
                          "واشنطن (CNN)-- قال الرئيس إنه قلق\nوأضاف\n</TEXT>\n</DOC>\n";
  const Cleaner cleaner;
  const ReadOutcome one = read_reports({"x.trec", "x.trec", doc.size()}, doc, {}, cleaner);
  REQUIRE(one.reports.size() == 1);
  CHECK(one.reports[0].body == "واشنطن (CNN)-- قال الرئيس إنه قلق\nوأضاف");
}

TEST_CASE("saudinewsnet: the documented field mapping") {
  const ReadOutcome out = read_path(fixture("indexer/saudinewsnet-excerpt.jsonl"));
  REQUIRE(out.reports.size() == 3);
  const Report& r = out.reports[0];
  CHECK(r.source == "aawsat");
  CHECK(r.title.find("بريطانيا") == 0);
  CHECK(r.body.find("حدد رئيس الوزراء البريطاني") == 0);
  CHECK(r.published.value_or("") == "2015-07-21");
  CHECK(r.id.rfind("aawsat-", 0) == 0);
  CHECK(r.id.size() == 7 + 16);
  CHECK(r.id != out.reports[1].id);
  const auto extra = nlohmann::json::parse(r.extra_json);
  CHECK(extra["author"] == "لندن: رنيم حنوش");
  CHECK(extra["date_extracted"] == "2015-07-21 02:51:32");
}

TEST_CASE("bad input: invalid UTF-8 repaired with a warning naming the file") {
  const ReadOutcome out = read_text("bad.txt", "عنوان\nنص \xFF\xFE مكسور\n");  // no third line: no section label
  REQUIRE(out.reports.size() == 1);
  CHECK(out.reports[0].body == "نص \xEF\xBF\xBD\xEF\xBF\xBD مكسور");
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].detail.find("bad.txt") != std::string::npos);
  CHECK(out.warnings[0].detail.find("U+FFFD") != std::string::npos);
}

TEST_CASE("bad input: binary and empty files are skipped with a reason") {
  const ReadOutcome bin = read_text("img.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  CHECK(bin.reports.empty());
  REQUIRE(bin.skipped.size() == 1);
  CHECK(bin.skipped[0].reason == "binary file");
  const ReadOutcome empty = read_text("empty.txt", " \n\n\t");
  CHECK(empty.reports.empty());
  REQUIRE(empty.skipped.size() == 1);
  CHECK(empty.skipped[0].reason == "empty file");
  const ReadOutcome furniture = read_text("only-boilerplate.txt", "تعليقات القراء\nلا يوجد تعليقات\n");
  CHECK(furniture.reports.empty());
  CHECK(furniture.skipped.at(0).reason == "empty document");
}

TEST_CASE("bad input: a huge document is truncated with a warning") {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "سطر رقم " + std::to_string(i) + " من نص طويل جدا\n";
  ReadOptions options;
  options.max_document_bytes = 10000;
  const ReadOutcome out = read_text("huge.txt", "عنوان\n" + body, options);
  REQUIRE(out.reports.size() == 1);
  CHECK(out.reports[0].body.size() <= 10000);
  CHECK(out.reports[0].body.size() > 8000);
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].reason == "truncated");
  CHECK(out.warnings[0].detail.find("huge.txt") != std::string::npos);
}

TEST_CASE("gzip input is read transparently") {
  rasd::test::TempDir dir;
  const std::string plain = dir / "a.jsonl";
  rasd::test::write_file(plain, "{\"id\":\"z\",\"title\":\"عنوان\",\"body\":\"نص\"}\n");
  REQUIRE(std::system(("gzip -q " + plain).c_str()) == 0);
  const ReadOutcome out = read_path(plain + ".gz");
  REQUIRE(out.reports.size() == 1);
  CHECK(out.reports[0].id == "z");
}
