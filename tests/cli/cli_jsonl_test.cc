// CLI tests of JSON Lines input (--jsonl FIELD): the strings count exactly
// like the same lines written as plain text, compressed or not, however the
// input is cut; bad lines are warned about naming the first, or with
// --strict-jsonl are an error.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/cli_sandbox.h"
#include "support/json_string.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary
using vocabcount::testing::JsonString;

// The corpus texts line by line, as plain text and as JSON Lines holding each
// line at "text" (between other fields).
struct Texts {
  std::string plain;
  std::string jsonl;
};

Texts CorpusTexts() {
  std::vector<fs::path> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  REQUIRE(paths.size() >= 10);
  Texts texts;
  int id = 0;
  for (const fs::path& path : paths) {
    for (const std::string& line : SplitLines(ReadFile(path))) {
      texts.plain += line + "\n";
      texts.jsonl += "{\"id\":" + std::to_string(++id) + ",\"text\":" + JsonString(line) +
                     ",\"source\":" + JsonString(path.filename().string()) + "}\n";
    }
  }
  return texts;
}

TEST_CASE("cli: --jsonl counts each line's string like the lines as plain text", "[cli][jsonl]") {
  Sandbox box;
  const Texts texts = CorpusTexts();
  box.Write("plain.txt", texts.plain);
  box.Write("data.jsonl", texts.jsonl);
  const std::string expected = Output(box, "vocabcount plain.txt");
  REQUIRE(SplitLines(expected).size() > 1000);
  for (const char* script : {
           "vocabcount --jsonl text data.jsonl",
           "vocabcount --jsonl text -j1 data.jsonl",
           "vocabcount --jsonl text -j2 --chunk-size 1 data.jsonl",
           "vocabcount --jsonl text -j2 --chunk-size 7 data.jsonl",
           "vocabcount --jsonl text -j2 --chunk-size 4096 data.jsonl",
           "vocabcount --jsonl text < data.jsonl",
           "cat data.jsonl | vocabcount --jsonl text -j2 --chunk-size 100 -",
       }) {
    CHECK(Output(box, script) == expected);
  }
  // Normalization applies as usual.
  CHECK(Output(box, "vocabcount --jsonl text --casefold --nfkc -t whitespace -j2 data.jsonl") ==
        Output(box, "vocabcount --casefold --nfkc -t whitespace plain.txt"));
}

TEST_CASE("cli: compressed JSON Lines count like the plain file", "[cli][jsonl][compressed]") {
  Sandbox box;
  box.Write("data.jsonl", CorpusTexts().jsonl);
  const std::string expected = Output(box, "vocabcount --jsonl text data.jsonl");
  Output(box, "gzip -c data.jsonl > data.jsonl.gz && zstd -q -c data.jsonl > data.jsonl.zst");
  for (const char* script : {
           "vocabcount --jsonl text data.jsonl.gz",
           "vocabcount --jsonl text data.jsonl.zst",
           "vocabcount --jsonl text -j2 --chunk-size 5 data.jsonl.gz",
           "vocabcount --jsonl text -j2 --chunk-size 5 data.jsonl.zst",
           "vocabcount --jsonl text < data.jsonl.gz",
           "cat data.jsonl.zst | vocabcount --jsonl text -",
       }) {
    CHECK(Output(box, script) == expected);
  }
}

TEST_CASE("cli: CRLF line ends, blank lines and a last line without a line feed", "[cli][jsonl]") {
  Sandbox box;
  box.Write("lf.jsonl", "{\"text\":\"one two\"}\n{\"text\":\"three\"}\n");
  box.Write("crlf.jsonl", "\r\n{\"text\":\"one two\"}\r\n  \r\n\n{\"text\":\"three\"}");
  const std::string expected = Output(box, "vocabcount --jsonl text lf.jsonl");
  CHECK(expected == "one\t1\nthree\t1\ntwo\t1\n");
  const RunResult r = box.Run("vocabcount --stats --jsonl text crlf.jsonl");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == expected);
  CHECK(Contains(r.err, "\nJSON lines:      2\n"));
  CHECK(Contains(r.err, "\nbad JSON lines:  0\n"));
}

TEST_CASE("cli: a nested field is named with dots", "[cli][jsonl]") {
  Sandbox box;
  box.Write("nested.jsonl",
            "{\"text\":\"outer\",\"meta\":{\"text\":\"inner words\"}}\n"
            "{\"meta\":{\"text\":\"inner\"}}\n");
  CHECK(Output(box, "vocabcount --jsonl meta.text nested.jsonl") == "inner\t2\nwords\t1\n");
}

constexpr const char* kBadLines =
    "{\"text\":\"good one\"}\n"
    "\n"
    "{\"id\":2}\n"
    "{\"text\":\"good two\"}\n"
    "oops\n"
    "{\"text\":\"good three\"}\n";
constexpr const char* kGoodCounts = "good\t3\none\t1\nthree\t1\ntwo\t1\n";

TEST_CASE("cli: bad JSON lines are counted out with one warning per input", "[cli][jsonl]") {
  Sandbox box;
  box.Write("bad.jsonl", kBadLines);
  box.Write("one.jsonl", "{\"text\":\"good\"}\n[\"text\"]\n");
  const RunResult r = box.Run("vocabcount --stats --jsonl text bad.jsonl one.jsonl");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "good\t4\none\t1\nthree\t1\ntwo\t1\n");
  const std::vector<std::string> lines = SplitLines(r.err);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0] ==
        "vocabcount: warning: bad.jsonl: line 3: no field \"text\" "
        "(the first of 2 bad JSON lines, which are not counted)");
  CHECK(lines[1] ==
        "vocabcount: warning: one.jsonl: line 2: not a JSON object but an array "
        "(a bad JSON line: not counted)");
  CHECK(Contains(r.err, "\nJSON lines:      7\n"));
  CHECK(Contains(r.err, "\nbad JSON lines:  3\n"));
}

TEST_CASE("cli: --stats shows JSON lines only with --jsonl", "[cli][jsonl]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount --stats cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK_FALSE(Contains(r.err, "JSON lines"));
}

TEST_CASE("cli: --strict-jsonl makes the first bad line an error", "[cli][jsonl]") {
  Sandbox box;
  box.Write("bad.jsonl", kBadLines);
  box.Write("good.jsonl", "{\"text\":\"fine\"}\n");
  const RunResult r =
      box.Run("vocabcount --jsonl text --strict-jsonl -o out.tsv bad.jsonl good.jsonl");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err == "vocabcount: bad.jsonl: line 3: no field \"text\"\n");
  CHECK(box.List() == std::vector<std::string>{"bad.jsonl", "good.jsonl"});

  // With --keep-going the other lines and inputs are counted, and the status
  // still says that something was wrong.
  const RunResult kept =
      box.Run("vocabcount --jsonl text --strict-jsonl --keep-going bad.jsonl good.jsonl");
  INFO(kept);
  CHECK(kept.status == 1);
  CHECK(kept.out == "good\t3\nfine\t1\none\t1\nthree\t1\ntwo\t1\n");
  CHECK(kept.err == "vocabcount: bad.jsonl: line 3: no field \"text\"\n");

  // Without bad lines, strict changes nothing.
  CHECK(Output(box, "vocabcount --jsonl text --strict-jsonl good.jsonl") == "fine\t1\n");
}

TEST_CASE("cli: the first bad line is named right under tiny chunks and two threads",
          "[cli][jsonl]") {
  Sandbox box;
  std::string jsonl;
  for (int n = 1; n <= 5000; ++n) {
    if (n == 4321 || (n > 4321 && n % 100 == 0)) {
      jsonl += "{\"text\":\"broken\"\n";
    } else {
      jsonl += "{\"text\":\"line " + std::to_string(n) + "\"}\n";
    }
  }
  box.Write("many.jsonl", jsonl);
  for (const char* flags :
       {"-j1", "-j2 --chunk-size 1", "-j2 --chunk-size 3", "-j2 --chunk-size 1000"}) {
    const RunResult r = box.Run(std::string("vocabcount --jsonl text ") + flags + " many.jsonl");
    INFO(flags << "\n" << r);
    CHECK(r.status == 0);
    CHECK(StartsWith(r.err, "vocabcount: warning: many.jsonl: line 4321: not valid JSON: "));
    CHECK(Contains(r.err, "(the first of 8 bad JSON lines, which are not counted)\n"));
    const RunResult strict =
        box.Run(std::string("vocabcount --jsonl text --strict-jsonl ") + flags + " many.jsonl");
    INFO(strict);
    CHECK(strict.status == 1);
    CHECK(StartsWith(strict.err, "vocabcount: many.jsonl: line 4321: not valid JSON: "));
  }
}

TEST_CASE("cli: --jsonl needs a field with no empty key", "[cli][jsonl]") {
  Sandbox box;
  box.Write("data.jsonl", "{\"text\":\"a\"}\n");
  for (const char* field : {"''", ".text", "text.", "meta..text"}) {
    const RunResult r = box.Run(std::string("vocabcount --jsonl ") + field + " data.jsonl");
    INFO(field << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(Contains(r.err, "--jsonl: FIELD needs a key, or keys joined by dots"));
  }
}

}  // namespace
