// CLI tests of what a run tells about itself: the progress line on a terminal
// (run under a pseudo-terminal with `script`) and --stats=json.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

constexpr std::string_view kErase = "\r\x1b[K";

std::size_t CountOf(const std::string& text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

// `script` runs the command with stdin, stdout and stderr on a new
// pseudo-terminal and copies what it prints to its own stdout.
std::string UnderTerminal(const std::string& command) {
  return "script -qec " + ShellQuote(command) + " /dev/null";
}

// "name": number pairs of a flat JSON object.
std::map<std::string, std::string> JsonNumbers(const std::string& json) {
  std::map<std::string, std::string> fields;
  const std::regex pair("\"([a-z_]+)\":([0-9.]+)");
  for (std::sregex_iterator it(json.begin(), json.end(), pair), end; it != end; ++it) {
    fields[(*it)[1]] = (*it)[2];
  }
  return fields;
}

TEST_CASE("cli: on a terminal the progress line is drawn, then erased before exit",
          "[cli][progress]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult plain = box.Run("vocabcount cat.txt");
  REQUIRE(plain.status == 0);

  const RunResult shown = box.Run(UnderTerminal("\"$VC\" cat.txt -o out.tsv"));
  INFO(shown);
  CHECK(shown.status == 0);
  CHECK(Contains(shown.out, "MB/s"));
  CHECK(Contains(shown.out, "inputs "));
  // Whatever was drawn is erased: the last thing written is the erasure.
  CHECK(shown.out.size() >= kErase.size());
  CHECK(shown.out.substr(shown.out.size() - kErase.size()) == kErase);
  CHECK(box.Read("out.tsv") == plain.out);

  const RunResult hidden = box.Run(UnderTerminal("\"$VC\" --no-progress cat.txt -o out.tsv"));
  INFO(hidden);
  CHECK(hidden.status == 0);
  CHECK(hidden.out == "");
}

TEST_CASE("cli: without a terminal nothing but the vocabulary is printed", "[cli][progress]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount cat.txt");
  INFO(r);
  CHECK(r.err == "");
  CHECK(r.out == kCatVocabulary);
  // --progress asks for it anyway.
  const RunResult forced = box.Run("vocabcount --progress cat.txt");
  CHECK(Contains(forced.err, "MB/s"));
  CHECK(forced.out == kCatVocabulary);
  const RunResult both = box.Run("vocabcount --progress --no-progress cat.txt");
  CHECK(both.status == 2);
}

TEST_CASE("cli: no share done is shown while a stream may still bring more", "[cli][progress]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  // Files alone: their sizes make the whole, and the share done is shown.
  const RunResult sized = box.Run("vocabcount --progress cat.txt cat.txt");
  INFO(sized);
  REQUIRE(sized.status == 0);
  CHECK(Contains(sized.err, "% "));
  // The file is done a second before the pipe brings anything: the share of
  // the file's bytes is no share of the whole.
  const RunResult streamed = box.Run("(sleep 1; cat cat.txt) | \"$VC\" --progress -j1 cat.txt -");
  INFO(streamed);
  REQUIRE(streamed.status == 0);
  CHECK(Contains(streamed.err, "MB/s"));
  CHECK_FALSE(Contains(streamed.err, "%"));
  CHECK_FALSE(Contains(streamed.err, "ETA"));
}

TEST_CASE("cli: the progress line is redrawn at most ten times a second", "[cli][progress]") {
  Sandbox box;
  // Enough small units for thousands of progress reports.
  const RunResult made =
      box.Run("yes 'the cat and the hat, the end.' | head -c 30000000 > big.txt");
  REQUIRE(made.status == 0);
  const RunResult r =
      box.Run(UnderTerminal("\"$VC\" -j1 --chunk-size 4096 --stats=json big.txt -o out.tsv"));
  INFO(r.err << "\n" << r.status);
  REQUIRE(r.status == 0);
  const std::map<std::string, std::string> stats = JsonNumbers(r.out);
  REQUIRE(stats.count("seconds") == 1);
  const double seconds = std::stod(stats.at("seconds"));
  const std::size_t draws = CountOf(r.out, "MB/s");
  INFO("draws " << draws << " in " << seconds << " s");
  CHECK(draws >= 1);
  CHECK(static_cast<double>(draws) <= 10 * seconds + 2);
}

TEST_CASE("cli: --stats=json gives the --stats figures and more as one JSON object",
          "[cli][stats]") {
  Sandbox box;
  box.Write("good.txt", std::string(kCatText) + " caf\xC3\xA9 \xFF\xFE\n");
  const RunResult text = box.Run("vocabcount --stats good.txt missing.txt --keep-going");
  const RunResult json = box.Run("vocabcount --stats=json good.txt missing.txt --keep-going");
  INFO(text << json);
  CHECK(json.status == 1);  // an input was skipped
  CHECK(json.out == text.out);
  const std::string last = SplitLines(json.err).back();
  REQUIRE(StartsWith(last, "{"));
  REQUIRE(last.back() == '}');
  const std::map<std::string, std::string> fields = JsonNumbers(last);
  const std::map<std::string, std::string> expected_values = {
      {"inputs", "1"},          {"inputs_skipped", "1"},       {"tokens", "8"},
      {"distinct_tokens", "6"}, {"ill_formed_sequences", "2"}, {"jsonl_bad_lines", "0"}};
  for (const auto& [name, value] : expected_values) {
    INFO(name);
    REQUIRE(fields.count(name) == 1);
    CHECK(fields.at(name) == value);
  }
  for (const char* name : {"bytes", "stored_bytes", "compressed_inputs", "jsonl_lines", "threads",
                           "seconds", "mb_per_second"}) {
    INFO(name);
    CHECK(fields.count(name) == 1);
  }
  // The same figures as the text form.
  CHECK(Contains(text.err, "tokens:          " + fields.at("tokens") + "\n"));
  CHECK(Contains(text.err, "bytes:           " + fields.at("bytes") + "\n"));
}

}  // namespace
