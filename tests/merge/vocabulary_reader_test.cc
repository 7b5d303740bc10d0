// Reading vocabulary lines: the same entries whatever the buffer size (lines
// cut across refills, lines longer than the buffer), and problems at the
// right line.
#include "merge/vocabulary_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace vocabcount::internal {
namespace {

// A text stream over bytes in memory, handing out at most `step` bytes per
// read, as a pipe might.
TextStream MemoryStream(const std::string& bytes, std::size_t step) {
  return TextStream(
      [&bytes, step, offset = std::size_t{0}](char* buffer, std::size_t size) mutable {
        const std::size_t n = std::min({size, step, bytes.size() - offset});
        std::memcpy(buffer, bytes.data() + offset, n);
        offset += n;
        return static_cast<ssize_t>(n);
      });
}

struct Read {
  std::vector<std::pair<std::string, std::uint64_t>> entries;
  std::vector<std::uint64_t> lines;
  std::string error;
  std::optional<std::uint64_t> error_line;
};

Read ReadAll(const std::string& bytes, std::size_t buffer, std::size_t step) {
  VocabularyReader reader(MemoryStream(bytes, step), buffer);
  Read read;
  VocabularyLine entry;
  while (reader.Next(entry)) {
    read.entries.emplace_back(std::string(entry.token), entry.count);
    read.lines.push_back(entry.line);
  }
  read.error = reader.error();
  read.error_line = reader.error_line();
  CHECK(reader.text_bytes() <= bytes.size());
  return read;
}

TEST_CASE("Lines parse into a token and a count; a tab past the first is the token's",
          "[vocabulary_reader]") {
  std::string_view token;
  std::uint64_t count = 0;
  CHECK_FALSE(ParseVocabularyLine("été\t18446744073709551615", token, count));
  CHECK(token == "été");
  CHECK(count == 18446744073709551615ULL);
  CHECK_FALSE(ParseVocabularyLine("a b\t007", token, count));
  CHECK(token == "a b");
  CHECK(count == 7);
  CHECK(*ParseVocabularyLine("a\t1\t2", token, count) == "the token contains a tab");
  CHECK(*ParseVocabularyLine("a 2", token, count) == "expected token<TAB>count, found no tab");
}

TEST_CASE("The header is skipped at line 1 only, and line numbers count it",
          "[vocabulary_reader]") {
  const Read read = ReadAll("token\tcount\nb\t2\n", 1 << 16, 1 << 16);
  CHECK(read.error.empty());
  CHECK(read.entries == std::vector<std::pair<std::string, std::uint64_t>>{{"b", 2}});
  CHECK(read.lines == std::vector<std::uint64_t>{2});
}

TEST_CASE("Entries do not depend on the buffer size or on how reads are cut",
          "[vocabulary_reader]") {
  std::mt19937 random(5);
  std::string bytes;
  for (int i = 0; i < 2000; ++i) {
    const std::size_t length = std::uniform_int_distribution<std::size_t>(1, 70)(random);
    std::string token;
    for (std::size_t j = 0; j < length; ++j) token += j % 5 == 4 ? "é" : "x";
    bytes += token + std::to_string(i) + "\t" + std::to_string(1 + i) + "\n";
  }
  const Read reference = ReadAll(bytes, 1 << 20, 1 << 20);
  REQUIRE(reference.error.empty());
  REQUIRE(reference.entries.size() == 2000);
  for (std::size_t buffer : {16, 17, 100, 4096}) {
    for (std::size_t step : {1, 7, 1000, 1 << 20}) {
      INFO("buffer " << buffer << ", step " << step);
      const Read read = ReadAll(bytes, buffer, step);
      CHECK(read.error.empty());
      CHECK(read.entries == reference.entries);
    }
  }
}

TEST_CASE("Ill-formed UTF-8 is found at its line whatever the buffer", "[vocabulary_reader]") {
  std::string bytes;
  for (int i = 0; i < 500; ++i) bytes += "token" + std::to_string(i) + "é\t1\n";
  bytes += "bad\xc3\t1\n";
  bytes += "after\t1\n";
  for (std::size_t buffer : {16, 64, 1 << 20}) {
    for (std::size_t step : {1, 13, 1 << 20}) {
      INFO("buffer " << buffer << ", step " << step);
      const Read read = ReadAll(bytes, buffer, step);
      CHECK(read.entries.size() == 500);
      CHECK(read.error == "the line is not valid UTF-8");
      CHECK(read.error_line == std::optional<std::uint64_t>(501));
    }
  }
}

}  // namespace
}  // namespace vocabcount::internal
