// CLI tests of compressed inputs: files made by the gzip, zstd, bzip2 and xz
// tools count exactly like the text they hold (named, on stdin, in a walk,
// concatenated), and damaged ones fail naming the file.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

struct Tool {
  std::string format;     // as vocabcount names it in messages
  std::string extension;  // as the tool names its files
  std::string compress;   // writes the compressed form of stdin to stdout
};

const std::vector<Tool> kTools = {{"gzip", "gz", "gzip -c"},
                                  {"zstd", "zst", "zstd -q -c"},
                                  {"bzip2", "bz2", "bzip2 -c"},
                                  {"xz", "xz", "xz -c"}};

// Some hundred kilobytes of text in many scripts: the corpus, several times.
constexpr const char* kMakeText =
    "for i in 1 2 3 4 5 6 7 8; do cat \"$CORPUS\"/*.txt; done > text.txt && "
    "cat \"$CORPUS\"/tiny-*.txt > tiny.txt";

TEST_CASE("cli: a compressed file counts like its text, named or on stdin", "[cli][compressed]") {
  Sandbox box;
  REQUIRE(box.Run(kMakeText).status == 0);
  for (const Tool& tool : kTools) {
    const std::string file = "text." + tool.extension;
    const RunResult made =
        box.Run(tool.compress + " < text.txt > " + file + " && cp " + file + " no-extension");
    INFO(made);
    REQUIRE(made.status == 0);
    for (const std::string args : {"-j1", "-j2", "-j2 --chunk-size 7", "-j1 --chunk-size 1"}) {
      INFO(tool.format << ", " << args);
      const std::string expected = Output(box, "vocabcount " + args + " text.txt");
      REQUIRE(expected.size() > 1000);
      CHECK(Output(box, "vocabcount " + args + " " + file) == expected);
      CHECK(Output(box, "vocabcount " + args + " no-extension") == expected);
      CHECK(Output(box, "vocabcount " + args + " < " + file) == expected);
      CHECK(Output(box, "cat " + file + " | vocabcount " + args + " -") == expected);
    }
  }
}

TEST_CASE("cli: concatenated compressed files are read to the end", "[cli][compressed]") {
  Sandbox box;
  REQUIRE(box.Run(kMakeText).status == 0);
  const std::string expected = Output(box, "vocabcount tiny.txt text.txt tiny.txt");
  for (const Tool& tool : kTools) {
    INFO(tool.format);
    const RunResult made = box.Run(tool.compress + " < tiny.txt > a && " + tool.compress +
                                   " < text.txt > b && cat a b a > joined");
    INFO(made);
    REQUIRE(made.status == 0);
    CHECK(Output(box, "vocabcount -j1 joined") == expected);
    CHECK(Output(box, "vocabcount -j2 --chunk-size 5 joined") == expected);
    CHECK(Output(box, "vocabcount < joined") == expected);
  }
}

TEST_CASE("cli: a directory walk reads compressed and plain files alike", "[cli][compressed]") {
  Sandbox box;
  REQUIRE(box.Run(kMakeText).status == 0);
  // The same tree twice: as text, and with each file in another format (one
  // of them plain), under names that say nothing true about their content.
  const RunResult made = box.Run(
      "mkdir -p plain/sub mixed/sub && "
      "cp text.txt plain/a && cp tiny.txt plain/sub/b && cp text.txt plain/sub/c && "
      "cp tiny.txt plain/d && cp text.txt plain/e && "
      "gzip -c < text.txt > mixed/a && zstd -q -c < tiny.txt > mixed/sub/b && "
      "bzip2 -c < text.txt > mixed/sub/c && xz -c < tiny.txt > mixed/d && "
      "cp text.txt mixed/e");
  INFO(made);
  REQUIRE(made.status == 0);
  for (const std::string args : {"-j1", "-j2", "-j2 --chunk-size 3"}) {
    INFO(args);
    const std::string expected = Output(box, "vocabcount " + args + " plain");
    CHECK(Output(box, "vocabcount " + args + " mixed") == expected);
  }
}

TEST_CASE("cli: a corrupt or truncated compressed file fails with status 1 naming it",
          "[cli][compressed]") {
  Sandbox box;
  REQUIRE(box.Run(kMakeText).status == 0);
  for (const Tool& tool : kTools) {
    INFO(tool.format);
    const std::string cut = "cut." + tool.extension;
    const std::string bad = "bad." + tool.extension;
    REQUIRE(box.Run(tool.compress + " < text.txt > " + cut + " && truncate -s -1 " + cut + " && " +
                    tool.compress + " < text.txt > " + bad)
                .status == 0);
    std::string corrupt = box.Read(bad);
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55);
    box.Write(bad, corrupt);

    for (const std::string args : {"-j1", "-j2"}) {
      const RunResult truncated = box.Run("vocabcount " + args + " tiny.txt " + cut);
      INFO(truncated);
      CHECK(truncated.status == 1);
      CHECK(truncated.out == "");
      CHECK(truncated.err == "vocabcount: " + cut + ": truncated " + tool.format + " data\n");

      const RunResult damaged = box.Run("vocabcount " + args + " " + bad + " tiny.txt");
      INFO(damaged);
      CHECK(damaged.status == 1);
      CHECK(damaged.out == "");
      CHECK(StartsWith(damaged.err, "vocabcount: " + bad + ": corrupt " + tool.format + " data: "));
      CHECK(SplitLines(damaged.err).size() == 1);

      const RunResult piped = box.Run("vocabcount " + args + " < " + cut);
      INFO(piped);
      CHECK(piped.status == 1);
      CHECK(piped.err == "vocabcount: <stdin>: truncated " + tool.format + " data\n");
    }
  }
}

TEST_CASE("cli: --keep-going reports damaged compressed files and counts the others",
          "[cli][compressed]") {
  Sandbox box;
  box.Write("a.txt", "alpha beta\n");
  box.Write("c.txt", "gamma beta\n");
  REQUIRE(box.Run("gzip -c < a.txt > a.gz && xz -c < c.txt > cut.xz && truncate -s -1 cut.xz && "
                  "printf '\\037\\213 not deflate data' > bad.gz")
              .status == 0);
  const RunResult r = box.Run("vocabcount --keep-going a.gz bad.gz cut.xz c.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "beta\t2\nalpha\t1\ngamma\t1\n");
  const std::vector<std::string> lines = SplitLines(r.err);
  REQUIRE(lines.size() == 2);
  CHECK(StartsWith(lines[0], "vocabcount: bad.gz: corrupt gzip data: "));
  CHECK(lines[1] == "vocabcount: cut.xz: truncated xz data");
}

TEST_CASE("cli: --stats shows how many inputs were compressed and their stored bytes",
          "[cli][compressed]") {
  Sandbox box;
  REQUIRE(box.Run(kMakeText + std::string(" && zstd -q -c < text.txt > text.zst")).status == 0);
  const std::size_t text_bytes = box.Read("text.txt").size();
  const std::size_t stored_bytes = box.Read("text.zst").size();
  const RunResult r = box.Run("vocabcount --stats text.zst text.txt > /dev/null");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(Contains(r.err, "inputs:          2\n"));
  CHECK(Contains(r.err, "bytes:           " + std::to_string(2 * text_bytes) + "\n"));
  CHECK(Contains(r.err, "compressed:      1\n"));
  CHECK(Contains(r.err, "stored bytes:    " + std::to_string(stored_bytes + text_bytes) + "\n"));
  // Plain inputs only: no such lines.
  const RunResult plain = box.Run("vocabcount --stats text.txt > /dev/null");
  INFO(plain);
  CHECK_FALSE(Contains(plain.err, "compressed:"));
}

}  // namespace
