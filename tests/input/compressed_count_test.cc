// Counting compressed files through the library: the same vocabulary as
// their text, the report's compressed and stored byte counts, threads for a
// small file that holds much text, and damaged files as input errors.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "support/compress_support.h"
#include "support/test_support.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount {
namespace {

using testing::CountForTest;
using testing::CountTextForTest;

using testing::Compress;
using testing::kCompressedFormats;
using testing::TempDir;
using testing::WriteFile;

std::string Tsv(const CountReport& report) { return FormatVocabulary(report.vocabulary, {}); }

std::string SomeText(int lines) {
  std::mt19937 random(23);
  std::uniform_int_distribution<int> word(0, 999);
  std::string text;
  for (int i = 0; i < lines; ++i) {
    text += "w" + std::to_string(word(random)) + " Straße w" + std::to_string(word(random)) + "\n";
  }
  return text;
}

TEST_CASE("A compressed file counts like its text, on 1 and 2 threads", "[compressed]") {
  TempDir dir;
  const std::string text = SomeText(20000);
  WriteFile(dir.File("text.txt"), text);
  for (const std::string& format : kCompressedFormats) {
    const std::string stored = Compress(format, text) + Compress(format, text);
    WriteFile(dir.File("text." + format), stored);
    for (int threads : {1, 2}) {
      for (std::size_t chunk_bytes : {std::size_t{100}, std::size_t{1} << 20}) {
        INFO(format << ", " << threads << " threads, chunk " << chunk_bytes);
        Options options;
        options.threads = threads;
        options.chunk_bytes = chunk_bytes;
        const CountReport plain = CountForTest({dir.File("text.txt"), dir.File("text.txt")}, options);
        const CountReport compressed = CountForTest({dir.File("text." + format)}, options);
        REQUIRE(plain.ok());
        REQUIRE(compressed.ok());
        CHECK(Tsv(compressed) == Tsv(plain));
        CHECK(compressed.stats.inputs == 1);
        CHECK(compressed.stats.compressed_inputs == 1);
        CHECK(compressed.stats.bytes == 2 * text.size());
        CHECK(compressed.stats.stored_bytes == stored.size());
        CHECK(plain.stats.compressed_inputs == 0);
        CHECK(plain.stats.stored_bytes == plain.stats.bytes);
      }
    }
  }
}

TEST_CASE("A small compressed file holding much text is counted on several threads",
          "[compressed]") {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "the same line again\n";
  const std::string stored = Compress("gzip", text);
  REQUIRE(stored.size() < (std::size_t{1} << 20));  // fits one unit as stored
  WriteFile(dir.File("many.gz"), stored);
  WriteFile(dir.File("few.txt"), "a few words\n");
  Options options;
  options.threads = 2;
  const CountReport compressed = CountForTest({dir.File("many.gz"), dir.File("few.txt")}, options);
  REQUIRE(compressed.ok());
  CHECK(compressed.stats.threads == 2);
  CHECK(Tsv(compressed) ==
        "again\t200000\nline\t200000\nsame\t200000\nthe\t200000\n"
        "a\t1\nfew\t1\nwords\t1\n");
  // The same run on plain text that small needs no second thread.
  const CountReport small = CountForTest({dir.File("few.txt")}, options);
  CHECK(small.stats.threads == 1);
}

TEST_CASE("A damaged compressed file is an input error naming it", "[compressed]") {
  TempDir dir;
  const std::string text = SomeText(2000);
  WriteFile(dir.File("good.txt"), "good words\n");
  for (const std::string& format : kCompressedFormats) {
    const std::string stored = Compress(format, text);
    std::string corrupt = stored;
    corrupt[stored.size() / 2] = static_cast<char>(corrupt[stored.size() / 2] ^ 0x55);
    WriteFile(dir.File("corrupt"), corrupt);
    WriteFile(dir.File("truncated"), stored.substr(0, stored.size() - 1));
    for (const char* name : {"corrupt", "truncated"}) {
      INFO(format << ", " << name);
      Options options;
      const CountReport stopped = CountForTest({dir.File(name), dir.File("good.txt")}, options);
      CHECK_FALSE(stopped.ok());
      CHECK_FALSE(stopped.finished);
      options.keep_going = true;
      const CountReport kept = CountForTest({dir.File(name), dir.File("good.txt")}, options);
      CHECK(kept.finished);
      REQUIRE(kept.errors.size() == 1);
      const Problem& problem = kept.errors[0];
      CHECK(problem.path == dir.File(name));
      CHECK_FALSE(problem.byte_offset);  // a text offset would not find it in the file
      CHECK(problem.what.starts_with(std::string(name) + " " + format + " data"));
      CHECK(Tsv(kept) == "good\t1\nwords\t1\n");
      CHECK(kept.stats.inputs == 1);
      CHECK(kept.stats.compressed_inputs == 0);
    }
  }
}

}  // namespace
}  // namespace vocabcount
