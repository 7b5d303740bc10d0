// Options by name, with values as text: the one table of the options a run
// takes, their help, and how each value is read, shared by the command line
// and any other front end so that all of them accept and refuse alike.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/options.h"
#include "vocabcount/validate.h"
#include "vocabcount/write.h"

namespace vocabcount {

// Everything the options table sets.
struct Settings {
  Options count;
  WriteOptions write;
  RunKind kind = RunKind::kCount;  // --merge: kMerge
};

// The task an option serves, by which help groups the options: which inputs
// are read and how, what a token is, what is written, and how the work
// scales. (--min-count and --top are Output: they choose the lines written,
// while the counts themselves stay exact.)
enum class OptionGroup { kInput, kTokens, kOutput, kScale };

// One option of the table. A flag takes no value (SetOption reads "true" or
// "false"); the others take one, and a repeatable one may be given again
// (each value adds one more).
struct OptionSpec {
  std::string_view name;        // the long name without dashes: "ngram-separator"
  char short_name = 0;          // 't' for -t, or 0
  std::string_view value_name;  // "N", "KIND"...; empty for a flag
  std::string_view help;        // one sentence, without a final period
  OptionGroup group = OptionGroup::kInput;
  bool repeatable = false;
  bool hidden = false;  // for tests only: left out of help
};

// The table, grouped by task in the order of OptionGroup, each group in the
// order help lists its options.
std::span<const OptionSpec> OptionTable();

// Looks up environment variables (--shard auto reads Slurm's); the default
// reads the process's environment.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
// The process's environment (getenv).
Environment ProcessEnvironment();

// Sets option `name` (a table name; '_' is read as '-', as a Python keyword
// spells it) from `value` into `settings`. Returns the problem, naming the
// option as the command line spells it ("--top: '0' is not a whole number
// from 1 to ..."), or an empty string. The checks that concern several
// options at once are ValidateOptions's (validate.h): call it when every
// option is set.
std::string SetOption(Settings& settings, std::string_view name, std::string_view value,
                      const Environment& environment = nullptr);

// A size: digits with an optional K, M, G or T (powers of 1024), at most
// 2^50; nullopt otherwise.
std::optional<std::uint64_t> ParseSize(std::string_view text);

// A size as ParseSize reads it, in the largest unit that divides it: "16M",
// "1000T", "1536K", "100".
std::string FormatSize(std::uint64_t bytes);

// The range --max-token-bytes takes past 1, as messages show it: "16M
// (16777216)".
std::string MaxTokenBytesRange();

// What option `name` takes, in the words of SetOption's messages ("a whole
// number of at least 1", "one of count or token", for a flag "true or
// false"); empty for one that takes any text.
std::string AllowedValues(std::string_view name);

}  // namespace vocabcount
