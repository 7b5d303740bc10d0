// The JSON Lines field extractor and the walk over a unit's lines: which
// string each line yields, exactly unescaped, and why the others yield none.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "input/jsonl_field.h"
#include "input/jsonl_lines.h"

namespace vocabcount::internal {
namespace {

using std::string_view_literals::operator""sv;

struct Extracted {
  JsonlLine::Kind kind;
  std::string text;
  std::string reason;
};

// Extracts from a copy of `line` followed by the padding simdjson may read,
// filled with bytes that would change the result if they were parsed.
Extracted Extract(JsonlField& field, std::string_view line) {
  std::string padded(line);
  padded.append(kJsonlPaddingBytes, '"');
  JsonlLine result = field.Extract(std::string_view(padded.data(), line.size()));
  return Extracted{result.kind, std::string(result.text), result.reason};
}

JsonlField Field(std::string_view path) {
  absl::StatusOr<JsonlField> field = JsonlField::Create(path);
  REQUIRE(field.ok());
  return std::move(*field);
}

std::string TextOf(std::string_view path, std::string_view line) {
  JsonlField field = Field(path);
  const Extracted got = Extract(field, line);
  INFO("line " << line << ": " << got.reason);
  REQUIRE(got.kind == JsonlLine::Kind::kText);
  return got.text;
}

std::string ReasonOf(std::string_view path, std::string_view line) {
  JsonlField field = Field(path);
  const Extracted got = Extract(field, line);
  INFO("line " << line);
  REQUIRE(got.kind == JsonlLine::Kind::kBad);
  CHECK(got.text.empty());
  return got.reason;
}

TEST_CASE("JSONL: the string at a top-level field", "[jsonl]") {
  CHECK(TextOf("text", R"({"id":1,"text":"hello world"})") == "hello world");
  CHECK(TextOf("text", R"({"text":"first","id":[1,{"text":"no"}]})") == "first");
  CHECK(TextOf("id", R"({"text":"a","id":"b"})") == "b");
  CHECK(TextOf("text", R"({"text":""})") == "");
  // Duplicate keys: the first one counts.
  CHECK(TextOf("text", R"({"text":"one","text":"two"})") == "one");
  // Keys are compared unescaped.
  CHECK(TextOf("text", R"({"te\u0078t":"escaped key"})") == "escaped key");
}

TEST_CASE("JSONL: a dotted path names fields of nested objects", "[jsonl]") {
  const std::string line =
      R"({"text":"top","meta":{"lang":"en","text":"nested","deeper":{"text":"deepest"}}})";
  CHECK(TextOf("text", line) == "top");
  CHECK(TextOf("meta.text", line) == "nested");
  CHECK(TextOf("meta.deeper.text", line) == "deepest");
  CHECK(ReasonOf("meta.missing", line) == R"(no field "meta.missing")");
  CHECK(ReasonOf("nothing.text", line) == R"(no field "nothing")");
  CHECK(ReasonOf("meta.lang.text", line) == R"(field "meta.lang" is a string, not an object)");
  CHECK(ReasonOf("meta.deeper", line) == R"(field "meta.deeper" is an object, not a string)");
}

TEST_CASE("JSONL: keys holding a dot cannot be named", "[jsonl]") {
  // "a.b" always means key "b" inside key "a".
  CHECK(ReasonOf("a.b", R"({"a.b":"flat"})") == R"(no field "a")");
  CHECK(TextOf("a.b", R"({"a.b":"flat","a":{"b":"nested"}})") == "nested");
}

TEST_CASE("JSONL: a field path with an empty key is refused", "[jsonl]") {
  for (std::string_view path : {"", ".", ".text", "text.", "meta..text"}) {
    INFO("path '" << path << "'");
    const absl::StatusOr<JsonlField> field = JsonlField::Create(path);
    REQUIRE_FALSE(field.ok());
    CHECK(field.status().message().find("empty key") != std::string_view::npos);
  }
  CHECK(JsonlField::Create("a.b.c").ok());
}

TEST_CASE("JSONL: escapes are unescaped to UTF-8", "[jsonl]") {
  CHECK(TextOf("t", R"({"t":"quote \" backslash \\ slash \/ end"})") ==
        "quote \" backslash \\ slash / end");
  CHECK(TextOf("t", R"({"t":"\b\f\n\r\t"})") == "\b\f\n\r\t");
  CHECK(TextOf("t", R"({"t":"caf\u00e9 \u00C9t\u00e9"})") == "caf\xC3\xA9 \xC3\x89t\xC3\xA9");
  CHECK(TextOf("t", R"({"t":"\u4e2d\u6587"})") == "\xE4\xB8\xAD\xE6\x96\x87");
  // A surrogate pair is one supplementary character: U+1F600.
  CHECK(TextOf("t", R"({"t":"x\ud83d\ude00y"})") == "x\xF0\x9F\x98\x80y");
  CHECK(TextOf("t", R"({"t":"\uD83D\uDE00"})") == "\xF0\x9F\x98\x80");
  // Characters written as they are pass through unchanged.
  CHECK(TextOf("t", "{\"t\":\"\xC3\xA9\xF0\x9F\x98\x80\xE4\xB8\xAD\"}") ==
        "\xC3\xA9\xF0\x9F\x98\x80\xE4\xB8\xAD");
}

TEST_CASE("JSONL: \\u0000 is a NUL character of the text", "[jsonl]") {
  CHECK(TextOf("t", R"({"t":"a\u0000b"})") == std::string("a\0b", 3));
}

TEST_CASE("JSONL: lone surrogate escapes make a bad line, never ill-formed text", "[jsonl]") {
  for (std::string_view line :
       {R"({"t":"\ud800"})", R"({"t":"a\udc00b"})", R"({"t":"\ud83dx"})", R"({"t":"\ud83d\u0041"})",
        R"({"t":"\ude00\ud83d"})", R"({"t":"\ud83d\ud83d"})"}) {
    const std::string reason = ReasonOf("t", line);
    CHECK_FALSE(reason.empty());
  }
}

TEST_CASE("JSONL: a field that is not a string makes a bad line", "[jsonl]") {
  CHECK(ReasonOf("text", R"({"text":42})") == R"(field "text" is a number, not a string)");
  CHECK(ReasonOf("text", R"({"text":-1.5e3})") == R"(field "text" is a number, not a string)");
  CHECK(ReasonOf("text", R"({"text":true})") == R"(field "text" is a boolean, not a string)");
  CHECK(ReasonOf("text", R"({"text":null})") == R"(field "text" is null, not a string)");
  CHECK(ReasonOf("text", R"({"text":["a"]})") == R"(field "text" is an array, not a string)");
  CHECK(ReasonOf("text", R"({"text":{"text":"a"}})") ==
        R"(field "text" is an object, not a string)");
}

TEST_CASE("JSONL: a missing field makes a bad line", "[jsonl]") {
  CHECK(ReasonOf("text", R"({"id":1})") == R"(no field "text")");
  CHECK(ReasonOf("text", R"({})") == R"(no field "text")");
  CHECK(ReasonOf("text", R"({"Text":"case matters"})") == R"(no field "text")");
}

TEST_CASE("JSONL: invalid JSON makes a bad line, wherever the fault is", "[jsonl]") {
  const std::string_view kBroken[] = {
      R"({"text":"a")",                // unclosed object
      R"({"text":"a)",                 // unclosed string
      R"({"text":"a"} {"text":"b"})",  // two documents
      R"({"text":"a"} x)",             // trailing garbage
      R"({"text":"a",})",              // trailing comma
      R"({text:"a"})",                 // unquoted key
      R"({'text':'a'})",               // single quotes
      R"({"text":"a","n":tru})",       // a broken atom after the field
      R"({"text":"a","n":01})",        // a broken number after the field
      R"({"text":"a","x":[1,2})",      // mismatched brackets after the field
      R"({"text":"a\x"})",             // unknown escape
      R"({"text":"a\u12"})",           // short \u escape
      "{\"text\":\"a\tb\"}",           // unescaped control character
      "{\"text\":\"\xFF\"}",           // not UTF-8
      "{\"text\":\"\xED\xA0\x80\"}",   // an encoded surrogate
      "{\"text\":\"a\"}\0"sv,          // NUL after the document
  };
  for (std::string_view line : kBroken) {
    const std::string reason = ReasonOf("text", line);
    CHECK(reason.starts_with("not valid JSON: "));
  }
}

TEST_CASE("JSONL: a line that is not an object makes a bad line", "[jsonl]") {
  CHECK(ReasonOf("text", R"(["text","a"])") == "not a JSON object but an array");
  CHECK(ReasonOf("text", R"("text")") == "not a JSON object but a string");
  CHECK(ReasonOf("text", "42") == "not a JSON object but a number");
  CHECK(ReasonOf("text", "null") == "not a JSON object but null");
  CHECK(ReasonOf("text", "false") == "not a JSON object but a boolean");
}

TEST_CASE("JSONL: whitespace around and inside the object, and CR before LF", "[jsonl]") {
  CHECK(TextOf("text", "  {\"text\" : \"a b\" }  ") == "a b");
  CHECK(TextOf("text", "\t{\n\"text\"\r:\t\"c\"}\r") == "c");
  CHECK(TextOf("text", "{\"text\":\"crlf\"}\r") == "crlf");
}

TEST_CASE("JSONL: blank lines are neither text nor bad", "[jsonl]") {
  JsonlField field = Field("text");
  for (std::string_view line : {"", " ", "\t", "\r", "  \t \r"}) {
    CHECK(Extract(field, line).kind == JsonlLine::Kind::kBlank);
  }
  // Other whitespace is not JSON whitespace.
  CHECK(Extract(field, "\v").kind == JsonlLine::Kind::kBad);
  CHECK(Extract(field, "\xC2\xA0").kind == JsonlLine::Kind::kBad);
}

TEST_CASE("JSONL: very long strings, and lines longer than any before", "[jsonl]") {
  JsonlField field = Field("text");
  std::string expected;
  std::string escaped;
  for (int i = 0; i < 400000; ++i) {
    expected += "w\xC3\xA9 \"";
    escaped += "w\\u00e9 \\\"";
  }
  // Growing, shrinking and growing again: the parser's buffers are reused.
  for (std::size_t size : {std::size_t{10}, expected.size() / 4, std::size_t{3}, expected.size()}) {
    std::string want = expected.substr(0, size);
    // Cut at a character boundary: the pieces are 5 bytes.
    want.resize(size / 5 * 5);
    const std::string line = "{\"text\":\"" + escaped.substr(0, size / 5 * 10) + "\"}";
    const Extracted got = Extract(field, line);
    INFO("size " << size << ": " << got.reason);
    REQUIRE(got.kind == JsonlLine::Kind::kText);
    CHECK(got.text == want);
  }
}

// ExtractTexts over a unit held with padding after it.
JsonlTally ExtractUnit(JsonlField& field, std::string_view unit, std::uint64_t first_line,
                       std::string& texts) {
  std::string padded(unit);
  padded.append(kJsonlPaddingBytes, '\n');
  return ExtractTexts(field, std::string_view(padded.data(), unit.size()), first_line, texts);
}

TEST_CASE("JSONL: a unit's strings, each followed by a line feed", "[jsonl]") {
  JsonlField field = Field("text");
  const std::string unit =
      "{\"text\":\"one\"}\n"            // line 11
      "\n"                              // 12: blank
      "{\"id\":3}\n"                    // 13: bad
      "  \r\n"                          // 14: blank
      "{\"text\":\"two\\nlines\"}\r\n"  // 15
      "[1]\n"                           // 16: bad
      "{\"text\":\"\"}\n"               // 17
      "{\"text\":\"last\"}";            // 18, without a line feed
  std::string texts = "left over";
  const JsonlTally tally = ExtractUnit(field, unit, 10, texts);
  CHECK(texts == "one\ntwo\nlines\n\nlast\n");
  CHECK(tally.lines == 6);
  CHECK(tally.bad_lines == 2);
  CHECK(tally.first_bad_line == 13);
  CHECK(tally.first_reason == R"(no field "text")");

  const JsonlTally empty = ExtractUnit(field, "", 0, texts);
  CHECK(texts.empty());
  CHECK(empty.lines == 0);
  CHECK(empty.bad_lines == 0);
}

TEST_CASE("JSONL: tallies add up to the same total in any order", "[jsonl]") {
  const JsonlTally a{5, 0, 0, ""};
  const JsonlTally b{4, 2, 9, "b"};
  const JsonlTally c{7, 3, 20, "c"};
  const JsonlTally d{2, 1, 7, "d"};
  std::vector<JsonlTally> units = {a, b, c, d};
  std::sort(units.begin(), units.end(),
            [](const JsonlTally& x, const JsonlTally& y) { return x.lines < y.lines; });
  do {
    JsonlTally total;
    for (const JsonlTally& unit : units) AddTally(unit, total);
    CHECK(total.lines == 18);
    CHECK(total.bad_lines == 6);
    CHECK(total.first_bad_line == 7);
    CHECK(total.first_reason == "d");
  } while (std::next_permutation(
      units.begin(), units.end(),
      [](const JsonlTally& x, const JsonlTally& y) { return x.lines < y.lines; }));
}

}  // namespace
}  // namespace vocabcount::internal
