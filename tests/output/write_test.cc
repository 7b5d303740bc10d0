// The output formats (TSV, GloVe lines, JSON read back with simdjson), the
// entry-by-entry writer, and failures: a full disk names the output, a closed
// pipe is reported apart from errors, and an atomic file appears only when
// committed.
#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <random>

#include "support/test_support.h"

// This program's umask(2) wrapper, which the library's calls reach instead of
// the C library's: it counts them, so that a test can tell the library never
// changes the umask (other threads of a host program may create files).
static std::atomic<int> umask_calls{0};
extern "C" mode_t umask(mode_t mask) noexcept {
  ++umask_calls;
  return static_cast<mode_t>(syscall(SYS_umask, mask));
}

namespace vocabcount::testing {
namespace {

const Vocabulary kVocabulary{{"the", 3}, {"é", 1}};

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("TSV has one token<TAB>count line per entry, header optional", "[write]") {
  CHECK(FormatVocabulary(kVocabulary, {}) == "the\t3\né\t1\n");
  CHECK(FormatVocabulary(kVocabulary, {.header = true}) == "token\tcount\nthe\t3\né\t1\n");
  CHECK(FormatVocabulary({}, {}).empty());
}

// Tokens that need JSON escaping, and some that do not.
const Vocabulary kAwkward{{"quote\"d", 7},
                          {"back\\slash", 6},
                          {std::string("nul\0byte", 8), 5},
                          {"tab\there\nline\x01\x1f", 4},
                          {"del\x7f and é 漢字 \xF0\x9F\x98\x80", 3},
                          {"plain", 18446744073709551615ULL}};

// The entries of a JSON object, in document order, as simdjson reads them.
Vocabulary ParseJson(const std::string& json) {
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::dom::object object;
  INFO(json);
  REQUIRE(parser.parse(padded).get(object) == simdjson::SUCCESS);
  Vocabulary entries;
  for (const simdjson::dom::key_value_pair field : object) {
    std::uint64_t count = 0;
    REQUIRE(field.value.get_uint64().get(count) == simdjson::SUCCESS);
    entries.push_back({std::string(field.key), count});
  }
  return entries;
}

// The entries a line format can hold: tokens without a newline (which
// vocabcount never makes).
Vocabulary WithoutNewlines(Vocabulary entries) {
  std::erase_if(entries,
                [](const VocabularyEntry& e) { return e.token.find('\n') != std::string::npos; });
  return entries;
}

// GloVe lines split at their last space, the way a reader of them must.
Vocabulary ParseGlove(const std::string& text) {
  Vocabulary entries;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    REQUIRE(end != std::string::npos);
    const std::string line = text.substr(start, end - start);
    const std::size_t space = line.rfind(' ');
    REQUIRE(space != std::string::npos);
    entries.push_back({line.substr(0, space), std::stoull(line.substr(space + 1))});
    start = end + 1;
  }
  return entries;
}

TEST_CASE("GloVe output has one token<SPACE>count line per entry", "[write]") {
  CHECK(FormatVocabulary(kVocabulary, {.format = OutputFormat::kGlove}) == "the 3\né 1\n");
  CHECK(FormatVocabulary({}, {.format = OutputFormat::kGlove}).empty());
  // Tokens of the whitespace tokenizer never hold a space, but a reader that
  // splits at the last space gets any token back.
  const Vocabulary spaced{{"a b", 2}, {"c", 1}};
  CHECK(ParseGlove(FormatVocabulary(spaced, {.format = OutputFormat::kGlove})) == spaced);
  const Vocabulary awkward = WithoutNewlines(kAwkward);
  CHECK(ParseGlove(FormatVocabulary(awkward, {.format = OutputFormat::kGlove})) == awkward);
}

TEST_CASE("JSON output is one object with an entry per line, in output order", "[write]") {
  CHECK(FormatVocabulary(kVocabulary, {.format = OutputFormat::kJson}) ==
        "{\n  \"the\": 3,\n  \"é\": 1\n}\n");
  CHECK(FormatVocabulary({{"a", 1}}, {.format = OutputFormat::kJson}) == "{\n  \"a\": 1\n}\n");
  CHECK(FormatVocabulary({}, {.format = OutputFormat::kJson}) == "{}\n");
  CHECK(ParseJson(FormatVocabulary({}, {.format = OutputFormat::kJson})).empty());
}

TEST_CASE("JSON escapes quotes, backslashes and control characters only", "[write]") {
  const std::string json = FormatVocabulary(kAwkward, {.format = OutputFormat::kJson});
  CHECK(ParseJson(json) == kAwkward);
  CHECK(Contains(json, R"("quote\"d": 7)"));
  CHECK(Contains(json, R"("back\\slash": 6)"));
  CHECK(Contains(json, R"("nul\u0000byte": 5)"));
  CHECK(Contains(json, R"("tab\u0009here\u000aline\u0001\u001f": 4)"));
  CHECK(Contains(json, "\"del\x7f and é 漢字 \xF0\x9F\x98\x80\": 3"));
}

TEST_CASE("Every format reads back as the vocabulary written, in order", "[write]") {
  const std::string kPieces[] = {
      "\"", "\\", "\x01", "\n", "\x1f", "\t", " ", "é", std::string(1, '\0'), "漢"};
  std::mt19937 random(7);
  Vocabulary entries;
  for (int i = 0; i < 5000; ++i) {
    std::string token;
    const int length = std::uniform_int_distribution<int>(1, 24)(random);
    for (int j = 0; j < length; ++j) {
      // Mostly letters, now and then a byte that JSON escapes.
      const int pick = std::uniform_int_distribution<int>(0, 39)(random);
      if (pick < 30) {
        token += static_cast<char>('a' + pick % 26);
      } else {
        token += kPieces[pick - 30];
      }
    }
    entries.push_back(
        {token + std::to_string(i), std::uniform_int_distribution<std::uint64_t>()(random)});
  }
  CHECK(ParseJson(FormatVocabulary(entries, {.format = OutputFormat::kJson})) == entries);
  const Vocabulary lines = WithoutNewlines(entries);
  CHECK(lines.size() > 1000);
  CHECK(ParseGlove(FormatVocabulary(lines, {.format = OutputFormat::kGlove})) == lines);
}

TEST_CASE("The entry-by-entry writer writes what the whole-vocabulary one does", "[write]") {
  Vocabulary big;
  for (int i = 0; i < 100000; ++i) {
    big.push_back({"token" + std::to_string(i) + "\"", static_cast<std::uint64_t>(1 + i % 7)});
  }
  for (OutputFormat format : {OutputFormat::kTsv, OutputFormat::kGlove, OutputFormat::kJson}) {
    for (bool header : {false, true}) {
      if (header && format != OutputFormat::kTsv) continue;
      const WriteOptions options{.header = header, .format = format};
      TempDir dir;
      const std::string path = dir.File("out");
      const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      REQUIRE(fd >= 0);
      VocabularyWriter writer(options, fd, path);
      for (const VocabularyEntry& entry : big) REQUIRE(writer.Add(entry.token, entry.count));
      CHECK(writer.Finish().ok());
      close(fd);
      INFO("format " << static_cast<int>(format) << ", header " << header);
      CHECK(ReadFile(path) == FormatVocabulary(big, options));
    }
  }
}

TEST_CASE("The entry-by-entry writer stops taking entries once writing failed", "[write]") {
  const int fd = open("/dev/full", O_WRONLY);
  REQUIRE(fd >= 0);
  VocabularyWriter writer({}, fd, "out.tsv");
  bool taken = true;
  // More than one block, so that a write happens before the end.
  for (int i = 0; i < 200000 && taken; ++i) taken = writer.Add("token" + std::to_string(i), 1);
  CHECK_FALSE(taken);
  const WriteResult result = writer.Finish();
  close(fd);
  REQUIRE(result.problem);
  CHECK(result.problem->ToString() == "out.tsv: write error: No space left on device");
}

TEST_CASE("A large vocabulary is written whole to a file descriptor", "[write]") {
  Vocabulary big;
  for (int i = 0; i < 200000; ++i) big.push_back({"token" + std::to_string(i), 1});
  TempDir dir;
  const std::string path = dir.File("out.tsv");
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  const WriteResult result = WriteVocabulary(big, {}, fd, path);
  close(fd);
  CHECK(result.ok());
  CHECK(ReadFile(path) == FormatVocabulary(big, {}));
}

TEST_CASE("Writing to a full device reports the output's name", "[write]") {
  const int fd = open("/dev/full", O_WRONLY);
  REQUIRE(fd >= 0);
  const WriteResult result = WriteVocabulary(kVocabulary, {}, fd, "standard output");
  close(fd);
  REQUIRE(result.problem);
  CHECK(result.problem->ToString() == "standard output: write error: No space left on device");
}

TEST_CASE("A closed pipe is a broken pipe, not an error", "[write]") {
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  close(fds[0]);
  const WriteResult result = WriteVocabulary(kVocabulary, {}, fds[1], "standard output");
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

TEST_CASE("An atomic file gets 0666 & ~umask without changing the umask", "[write]") {
  TempDir dir;
  const std::string path = dir.File("new.tsv");
  const int calls_before = umask_calls.load();
  AtomicFile file(path);
  REQUIRE_FALSE(file.Open());
  REQUIRE_FALSE(file.Commit());
  CHECK(umask_calls.load() == calls_before);
  const mode_t mask = umask(0);
  umask(mask);
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == (0666 & ~mask));
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
