// --help: the usage line, the options grouped by task, lines that fit an
// 80-column terminal, and help lines that agree with the command's own
// messages and with each other.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

std::string Help() {
  Sandbox box;
  const RunResult r = box.Run("vocabcount --help");
  INFO(r);
  REQUIRE(r.status == 0);
  return r.out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// The help entry of an option: its line, whose name field starts with
// `names` ("-t, --tokenizer"), and the description's continuation lines,
// joined by single spaces.
std::string Entry(const std::string& help, const std::string& names) {
  const std::vector<std::string> lines = Lines(help);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!StartsWith(lines[i], "  " + names + " ") && lines[i] != "  " + names) continue;
    std::string entry = lines[i];
    for (std::size_t j = i + 1; j < lines.size() && StartsWith(lines[j], "      "); ++j) {
      entry += " " + lines[j].substr(lines[j].find_first_not_of(' '));
    }
    return entry;
  }
  return "";
}

// The first line of the command's message for `args`.
std::string Message(const std::string& args) {
  Sandbox box;
  const RunResult r = box.Run("vocabcount " + args + " </dev/null");
  INFO(r);
  CHECK(r.status == 2);
  return r.err.substr(0, r.err.find('\n'));
}

TEST_CASE("cli: --help starts with the usage line, then what the command does and a PATH is",
          "[cli][help]") {
  const std::vector<std::string> lines = Lines(Help());
  REQUIRE(lines.size() > 4);
  CHECK(lines[0] == "Usage: vocabcount [OPTIONS] [PATH...]");
  CHECK(lines[1] == "Count token frequencies over text corpora, in parallel.");
  CHECK(Contains(lines[2], "PATH is a file, a directory"));
  CHECK(Contains(lines[2], "- for standard input"));
  CHECK(Contains(lines[3], "with no PATH and no --files-from, standard input is read"));
}

TEST_CASE("cli: --help lists the options by task, under headings in the project's words",
          "[cli][help]") {
  const std::string help = Help();
  // Each group's heading, then its options in this order, then the next group.
  const std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
      {"Options", {"-h, --help", "-V, --version"}},
      {"Input",
       {"--files-from", "-0, --null", "--include", "--exclude", "--follow", "--jsonl",
        "--strict-jsonl", "--shard", "--merge", "--keep-going"}},
      {"Tokens",
       {"-t, --tokenizer", "--raw-pieces", "--lower", "--casefold", "--nfc", "--nfkc", "--ngrams",
        "--ngram-separator", "--max-token-bytes"}},
      {"Output",
       {"-o, --output", "--sort", "--min-count", "--top", "--format", "--header", "--stats",
        "--progress", "--no-progress"}},
      {"Scale", {"-j, --threads", "--memory", "--temp-dir"}},
  };
  std::size_t at = 0;
  for (const auto& [heading, options] : groups) {
    INFO("group " << heading);
    const std::size_t start = help.find("\n\n" + heading + ":\n", at);
    REQUIRE(start != std::string::npos);
    at = start + 1;
    for (const std::string& names : options) {
      INFO("option " << names);
      const std::size_t line = help.find("\n  " + names, at);
      REQUIRE(line != std::string::npos);
      // Before the next heading: a line ending with ':' after a blank line.
      CHECK(help.find(":\n", at + heading.size() + 2) > line);
      at = line + 1;
    }
  }
  CHECK_FALSE(Contains(help, "Positionals:"));
  CHECK_FALSE(Contains(help, "Print this help message"));
  CHECK_FALSE(Contains(help, "Display program version"));
  CHECK_FALSE(Contains(help, "--chunk-size"));
}

TEST_CASE("cli: --help fits an 80-column terminal and ends with the exit statuses", "[cli][help]") {
  const std::string help = Help();
  for (const std::string& line : Lines(help)) {
    INFO(line);
    CHECK(line.size() < 80);
  }
  for (const char* status : {"\n  0 ", "\n  1 ", "\n  2 ", "\n  128+N "}) {
    INFO(status);
    CHECK(Contains(help.substr(help.find("\nExit status:\n")), status));
  }
  CHECK(Contains(help, "man vocabcount"));
  CHECK(Contains(help, "man -l build/vocabcount.1"));
  // The long text is the manual's: --help stays short.
  CHECK(Lines(help).size() < 90);
  CHECK_FALSE(Contains(help, "MAP AND MERGE"));
}

TEST_CASE("cli: each help line says what the command checks", "[cli][help]") {
  const std::string help = Help();
  // The range -j's message gives.
  const std::string threads = Message("-j 0");
  const std::size_t from = threads.find("from ");
  REQUIRE(from != std::string::npos);
  CHECK(Contains(Entry(help, "-j, --threads"), threads.substr(from + 5)));
  // The values the command lists for a bad --tokenizer, --sort or --format.
  for (const auto& [names, option] : std::vector<std::pair<std::string, std::string>>{
           {"-t, --tokenizer", "--tokenizer"}, {"--sort", "--sort"}, {"--format", "--format"}}) {
    const std::string message = Message(option + " x");
    const std::size_t use = message.find(": use ");
    REQUIRE(use != std::string::npos);
    std::string values = message.substr(use + 6);
    for (std::size_t comma; (comma = values.find_first_of(",")) != values.npos;) {
      values.replace(comma, 1, " ");
    }
    std::istringstream words(values);
    for (std::string value; words >> value;) {
      if (value == "or") continue;
      INFO(names << " " << value);
      CHECK(Contains(Entry(help, names), value));
    }
  }
  // Options that exclude each other say so both ways.
  CHECK(Contains(Entry(help, "--lower"), "not with --casefold"));
  CHECK(Contains(Entry(help, "--casefold"), "not with --lower"));
  CHECK(Contains(Entry(help, "--nfc"), "not with --nfkc"));
  CHECK(Contains(Entry(help, "--nfkc"), "not with --nfc"));
  // Options that need another name it.
  CHECK(Contains(Entry(help, "--ngram-separator"), "(with --ngrams)"));
  CHECK(Contains(Entry(help, "--strict-jsonl"), "(with --jsonl)"));
  CHECK(Contains(Entry(help, "-0, --null"), "(with --files-from)"));
  CHECK(Contains(Entry(help, "--header"), "(with --format tsv)"));
  // Sizes take the same suffixes.
  CHECK(Contains(Entry(help, "--memory"), "K, M, G or T"));
  CHECK(Contains(Entry(help, "--max-token-bytes"), "K, M, G or T"));
  CHECK(Contains(Entry(help, "-o, --output"), "- for standard output"));
  CHECK(Contains(Entry(help, "--files-from"), "- for standard input"));
}

}  // namespace
