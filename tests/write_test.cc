// TSV output and its failures: a full disk names the output, a closed pipe is
// reported apart from errors, and an atomic file appears only when committed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "test_support.h"

namespace vocabcount::testing {
namespace {

const Vocabulary kVocabulary{{"the", 3}, {"é", 1}};

TEST_CASE("TSV has one token<TAB>count line per entry, header optional", "[write]") {
  CHECK(FormatTsv(kVocabulary, {}) == "the\t3\né\t1\n");
  CHECK(FormatTsv(kVocabulary, {.header = true}) == "token\tcount\nthe\t3\né\t1\n");
  CHECK(FormatTsv({}, {}).empty());
}

TEST_CASE("A large vocabulary is written whole to a file descriptor", "[write]") {
  Vocabulary big;
  for (int i = 0; i < 200000; ++i) big.push_back({"token" + std::to_string(i), 1});
  TempDir dir;
  const std::string path = dir.File("out.tsv");
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  const WriteResult result = WriteTsv(big, {}, fd, path);
  close(fd);
  CHECK(result.ok());
  CHECK(ReadFile(path) == FormatTsv(big, {}));
}

TEST_CASE("Writing to a full device reports the output's name", "[write]") {
  const int fd = open("/dev/full", O_WRONLY);
  REQUIRE(fd >= 0);
  const WriteResult result = WriteTsv(kVocabulary, {}, fd, "standard output");
  close(fd);
  REQUIRE(result.problem);
  CHECK(result.problem->ToString() == "standard output: write error: No space left on device");
}

TEST_CASE("A closed pipe is a broken pipe, not an error", "[write]") {
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  close(fds[0]);
  const WriteResult result = WriteTsv(kVocabulary, {}, fds[1], "standard output");
  close(fds[1]);
  CHECK(result.broken_pipe);
  CHECK_FALSE(result.problem);
}

TEST_CASE("An atomic file replaces the target only on commit", "[write]") {
  TempDir dir;
  const std::string path = dir.File("vocab.tsv");
  WriteFile(path, "old\n");
  {
    AtomicFile file(path);
    REQUIRE_FALSE(file.Open());
    REQUIRE(write(file.fd(), "new\n", 4) == 4);
    CHECK(ReadFile(path) == "old\n");
    // Abandoned by the destructor: the target is untouched.
  }
  CHECK(ReadFile(path) == "old\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
  AtomicFile file(path);
  REQUIRE_FALSE(file.Open());
  REQUIRE(write(file.fd(), "new\n", 4) == 4);
  REQUIRE_FALSE(file.Commit());
  CHECK(ReadFile(path) == "new\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("An atomic file in a missing directory fails naming the path", "[write]") {
  AtomicFile file("/nonexistent-dir/vocab.tsv");
  const auto problem = file.Open();
  REQUIRE(problem);
  CHECK(problem->ToString() ==
        "/nonexistent-dir/vocab.tsv: cannot create output file: No such file or directory");
}

}  // namespace
}  // namespace vocabcount::testing
