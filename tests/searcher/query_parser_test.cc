// The query language's grammar: query string -> syntax tree, and its errors with positions.
#include <doctest/doctest.h>

#include <string>

#include "error/error.h"
#include "searcher/query_parser.h"

using rasd::QueryLimits;
namespace q = rasd::query;

namespace {

std::string tree(const std::string& text, const QueryLimits& limits = {}) {
  const q::NodePtr root = q::parse(text, limits);
  return root ? q::describe(*root) : "(empty)";
}

std::string error_of(const std::string& text, const QueryLimits& limits = {}) {
  try {
    q::parse(text, limits);
  } catch (const rasd::InvalidInput& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("query grammar: each operator parses to its node") {
  const struct {
    std::string query;
    std::string expected;
  } cases[] = {
      {"", "(empty)"},
      {"   ", "(empty)"},
      {"داعش", "(words \"داعش\")"},
      {"حزب الله", "(words \"حزب الله\")"},
      {"\"القوات الإسرائيلية\"", "(phrase \"القوات الإسرائيلية\")"},
      {"\u201Cالقوات الإسرائيلية\u201D", "(phrase \"القوات الإسرائيلية\")"},
      {"داعش -سوريا", "(and (words \"داعش\") (not (words \"سوريا\")))"},
      {"داعش NOT سوريا", "(and (words \"داعش\") (not (words \"سوريا\")))"},
      {"داعش OR القاعدة", "(or (words \"داعش\") (words \"القاعدة\"))"},
      {"a b OR c", "(or (words \"a b\") (words \"c\"))"},
      {"a AND b", "(words \"a b\")"},
      {"هجوم NEAR/3 انتحاري", "(near/3 (words \"هجوم\") (words \"انتحاري\"))"},
      {"a NEAR b", "(near/10 (words \"a\") (words \"b\"))"},
      {"a NEAR/2 b NEAR/2 c", "(near/2 (words \"a\") (words \"b\") (words \"c\"))"},
      {"(داعش OR القاعدة) سوريا", "(and (or (words \"داعش\") (words \"القاعدة\")) (words \"سوريا\"))"},
      {"-(a OR b) c", "(and (not (or (words \"a\") (words \"b\"))) (words \"c\"))"},
      {"title:هجوم", "(title \"هجوم\")"},
      {"title:\"هجوم انتحاري\"", "(title \"هجوم انتحاري\")"},
      {"source:BBC", "(source \"BBC\")"},
      {"country:MA", "(country \"MA\")"},
      {"Country:المغرب", "(country \"المغرب\")"},
      {"org:hezbollah person:x place:y", "(and (org \"hezbollah\") (person \"x\") (place \"y\"))"},
      {"date:2019-02..2021-11", "(date \"2019-02..2021-11\")"},
      {"ارهاب*", "(wild \"ارهاب\")"},
      {"foo:bar", "(words \"foo:bar\")"},
      {"a - b", "(words \"a - b\")"},
      {"x-y", "(words \"x-y\")"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    CHECK(tree(c.query) == c.expected);
  }
}

TEST_CASE("query grammar: malformed queries name the character at fault") {
  const struct {
    std::string query;
    std::string message;
  } cases[] = {
      {"\"القوات", "query: unterminated quote at character 1"},
      {"داعش )", "query: ')' without a matching '(' at character 6"},
      {"(داعش", "query: '(' is never closed at character 1"},
      {"()", "query: empty parentheses at character 1"},
      {"OR داعش", "query: OR needs a term on both sides at character 1"},
      {"داعش OR", "query: OR needs a term on both sides at character 6"},
      {"a NEAR/0 b", "query: NEAR/n needs a distance from 1 to 100 at character 3"},
      {"a NEAR/x b", "query: NEAR/n needs a distance from 1 to 100 at character 3"},
      {"NEAR a", "query: NEAR needs a term on both sides at character 1"},
      {"country:", "query: 'country:' needs a value at character 1"},
      {"a - -b", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    CHECK(error_of(c.query) == c.message);
  }
}

TEST_CASE("query limits: too long and too deep are refused with LimitExceeded") {
  QueryLimits limits;
  limits.max_query_bytes = 20;
  CHECK_THROWS_AS(q::parse(std::string(21, 'a'), limits), rasd::LimitExceeded);
  CHECK_NOTHROW(q::parse(std::string(20, 'a'), limits));
  limits = {};
  limits.max_depth = 2;
  CHECK_NOTHROW(q::parse("((a))", limits));
  CHECK_THROWS_WITH_AS(q::parse("(((a)))", limits), "query: parentheses nested deeper than 2 at character 3",
                       rasd::LimitExceeded);
}

TEST_CASE("query grammar: junk never crashes") {
  const char* junk[] = {"\xff\xfe", "((((", "))))", "\"", "-", "--", "NEAR/", "*", "a*", "::", "title:\"\"", "OR OR"};
  for (const char* j : junk) {
    CAPTURE(j);
    try {
      q::parse(j, {});
    } catch (const rasd::InvalidInput&) {
    }
  }
}
