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

}  // namespace
}  // namespace vocabcount::cli_testing
