// The command and the library refuse the same options with the same words:
// each case runs the command and asks the library's options table and
// ValidateOptions about the same (option, value) pairs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_sandbox.h"
#include "vocabcount/settings.h"
#include "vocabcount/validate.h"

namespace vocabcount::cli_testing {
namespace {

using Given = std::vector<std::pair<std::string, std::string>>;

// The library's messages for `given`, one line each, as the command prints them.
std::string LibraryMessages(const Given& given, const std::vector<std::string>& paths) {
  Settings settings;
  std::string text;
  // The command reads the values in the table's order.
  for (const OptionSpec& spec : OptionTable()) {
    for (const auto& [name, value] : given) {
      if (name != spec.name) continue;
      const std::string problem = SetOption(settings, name, value);
      if (!problem.empty()) text += "vocabcount: " + problem + "\n";
    }
  }
  for (const std::string& problem : ValidateOptions(
           settings.count, {.kind = settings.kind, .paths = &paths, .write = &settings.write})) {
    text += "vocabcount: " + problem + "\n";
  }
  return text;
}

// The command line for `given`: "--name 'value'", flags bare.
std::string Arguments(const Given& given) {
  std::string args;
  for (const auto& [name, value] : given) {
    args += " --" + name + (value == "true" ? "" : " '" + value + "'");
  }
  return args;
}

TEST_CASE("cli: usage errors are the library's problems and all of them are reported", "[cli]") {
  const std::vector<Given> cases = {
      {{"lower", "true"},
       {"casefold", "true"},
       {"top", "0"},
       {"header", "true"},
       {"format", "json"}},
      {{"nfc", "true"}, {"nfkc", "true"}, {"strict-jsonl", "true"}, {"shard", "9/3"}},
      {{"merge", "true"}, {"tokenizer", "whitespace"}, {"ngrams", "2"}, {"jsonl", "text"}},
      {{"tokenizer", "cl100k"}, {"ngrams", "1-2"}, {"raw-pieces", "true"}},
      {{"ngrams", "1-17"}, {"memory", "100M"}, {"threads", "0"}, {"sort", "freq"}},
      {{"ngrams", "2"}, {"ngram-separator", "a b"}, {"format", "glove"}},
      {{"raw-pieces", "true"}},
      {{"max-token-bytes", "17M"}, {"ngram-separator", "_"}},
      {{"ngrams", "1"}, {"ngram-separator", "_"}, {"tokenizer", "gpt2"}},
  };
  // Each of the first cases holds several problems, all reported.
  const std::string first = LibraryMessages(cases[0], {});
  CHECK(std::count(first.begin(), first.end(), '\n') == 3);
  Sandbox box;
  box.Write("in.txt", "text\n");
  for (const Given& given : cases) {
    const RunResult r = box.Run("vocabcount" + Arguments(given) + " in.txt");
    const std::string expected = LibraryMessages(given, {"in.txt"});
    INFO(Arguments(given) << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == expected + "Try 'vocabcount --help' for more information.\n");
  }
}

TEST_CASE("cli: --max-token-bytes takes sizes as --memory does, from 1 to 16M", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "a bb ccc dddd\n");
  for (const auto& [size, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"16M", "16777216"}, {"64K", "65536"}, {"1k", "1024"}, {"3", "3"}}) {
    const RunResult r = box.Run("vocabcount --max-token-bytes " + size + " in.txt");
    INFO(size << "\n" << r);
    CHECK(r.status == 0);
    CHECK(r.out == box.Run("vocabcount --max-token-bytes " + bytes + " in.txt").out);
  }
  CHECK(Output(box, "vocabcount --max-token-bytes 16M in.txt") == "a\t1\nbb\t1\nccc\t1\ndddd\t1\n");
  for (const auto& [size, why] : std::vector<std::pair<std::string, std::string>>{
           {"17M", "is not from 1 to 16M (16777216)"},
           {"16777217", "is not from 1 to 16M (16777216)"},
           {"0", "is not from 1 to 16M (16777216)"},
           {"1X", "is not a size (a number, optionally with K, M, G or T)"},
           {"-1", "is not a size (a number, optionally with K, M, G or T)"}}) {
    const RunResult r = box.Run("vocabcount --max-token-bytes " + size + " in.txt");
    INFO(size << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == "vocabcount: --max-token-bytes: '" + size + "' " + why + "\n" + kTryHelp);
  }
}

TEST_CASE("cli: an option that cannot have an effect with the others is a usage error naming both",
          "[cli]") {
  Sandbox box;
  box.Write("in.txt", kCatText);
  const std::string separator =
      "vocabcount: --ngram-separator goes only with --ngrams N or M-N where N is 2 or more "
      "(without n-grams, no tokens are joined)\n";
  for (const std::string args : {"--ngram-separator _", "--ngrams 1 --ngram-separator _",
                                 "--tokenizer cl100k --ngram-separator _"}) {
    const RunResult r = box.Run("vocabcount " + args + " in.txt");
    INFO(args << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == separator + kTryHelp);
  }
  // With n-grams it joins them; giving the default changes nothing.
  CHECK(Output(box, "vocabcount --ngrams 2 --ngram-separator _ --top 1 in.txt") == "and_the\t1\n");
  CHECK(Output(box, "vocabcount --ngram-separator ' ' in.txt") == kCatVocabulary);
  // The pairs refused before stay refused, each naming both options.
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"--strict-jsonl", "--strict-jsonl goes only with --jsonl"},
           {"--header --format json", "--header goes only with --format tsv"},
           {"--null", "--null goes only with --files-from"}}) {
    const RunResult r = box.Run("vocabcount " + args + " in.txt");
    INFO(args << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.err == "vocabcount: " + message + "\n" + kTryHelp);
  }
}

}  // namespace
}  // namespace vocabcount::cli_testing
