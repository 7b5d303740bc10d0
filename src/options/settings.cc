// The options table and the reading of each option's value from text: the
// one place where "1G", "1-3", "0/4" or "cl100k" become Options.
#include "vocabcount/settings.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vocabcount {
namespace {

constexpr std::uint64_t kNoLimit = UINT64_MAX;
constexpr int kMaxShards = 1 << 20;
// What Set() says of a name in the table that it does not read (a test
// checks that no row gets it).
constexpr const char* kUnread = "is in the options table but not read";

using enum OptionGroup;

// The command adds its own options to these groups: --files-from and --null
// before Input's, -o before Output's, and --stats, --progress and
// --no-progress after them.
constexpr std::array kTable = {
    OptionSpec{"include", 0, "GLOB",
               "In directories, read only the files matching GLOB (repeatable)", kInput, true},
    OptionSpec{"exclude", 0, "GLOB",
               "In directories, skip the files and directories matching GLOB (repeatable)", kInput,
               true},
    OptionSpec{"follow", 0, "", "Follow symbolic links found in directories", kInput},
    OptionSpec{"jsonl", 0, "FIELD",
               "Inputs are JSON Lines: count the string at FIELD (a.b: key b of object a)", kInput},
    OptionSpec{"strict-jsonl", 0, "",
               "A line without a string at FIELD is an input error (with --jsonl)", kInput},
    OptionSpec{"shard", 0, "I/N|auto",
               "Count only part I of N of the inputs (0 <= I < N); auto: the part of this "
               "task of a Slurm job array",
               kInput},
    OptionSpec{"merge", 0, "", "Sum the inputs: vocabularies written by vocabcount", kInput},
    OptionSpec{"keep-going", 0, "",
               "Skip inputs that cannot be read and count the rest (each is reported; exit "
               "status 1)",
               kInput},

    OptionSpec{"tokenizer", 't', "KIND",
               "word (default), whitespace, or the BPE pre-tokenizers gpt2, cl100k, o200k",
               kTokens},
    OptionSpec{"raw-pieces", 0, "",
               "Write gpt2, cl100k and o200k pieces as they are, not in byte-level form (with "
               "--format json)",
               kTokens},
    OptionSpec{"lower", 0, "",
               "Lowercase each token (full Unicode, root locale; not with --casefold)", kTokens},
    OptionSpec{"casefold", 0, "", "Case-fold each token (full Unicode folding; not with --lower)",
               kTokens},
    OptionSpec{"nfc", 0, "", "Normalize each token to NFC (not with --nfkc)", kTokens},
    OptionSpec{"nfkc", 0, "", "Normalize each token to NFKC (not with --nfc)", kTokens},
    OptionSpec{"ngrams", 0, "N|M-N",
               "Count n-grams of N tokens, or of every order from M to N (at most 16)", kTokens},
    OptionSpec{"ngram-separator", 0, "STR",
               "Join an n-gram's tokens with STR instead of one space (with --ngrams)", kTokens},
    OptionSpec{"max-token-bytes", 0, "SIZE",
               "Skip tokens longer than SIZE bytes: 1 to 16M, with K, M, G or T as for --memory "
               "(default 64K)",
               kTokens},

    OptionSpec{"sort", 0, "ORDER",
               "Output order: count (default; most frequent first) or token (by token bytes)",
               kOutput},
    OptionSpec{"min-count", 0, "N", "Drop tokens seen fewer than N times", kOutput},
    OptionSpec{"top", 0, "N", "Keep only the N most frequent tokens", kOutput},
    OptionSpec{"format", 0, "FORMAT", "tsv (default), glove or json", kOutput},
    OptionSpec{"header", 0, "", "Write a first line token<TAB>count (with --format tsv)", kOutput},

    OptionSpec{"threads", 'j', "N", "Worker threads, 1 to 1024 (default: the usable cores)",
               kScale},
    OptionSpec{"memory", 0, "SIZE",
               "Memory budget for the whole process, at least 256M (default: half of what it "
               "may use); SIZE is bytes, or with K, M, G or T (powers of 1024)",
               kScale},
    OptionSpec{"temp-dir", 0, "DIR",
               "Where counts past the budget spill (default: $TMPDIR, else /tmp)", kScale},
    // The work-unit size: output must not depend on it, which tests check.
    OptionSpec{"chunk-size", 0, "N", "Bytes per work unit", kScale, false, true},
};

std::string Quoted(std::string_view value) { return "'" + std::string(value) + "'"; }

// Plain decimal digits in [min, max], or nullopt: strtoull would take "-5"
// for 2^64 - 5.
std::optional<std::uint64_t> WholeNumber(std::string_view text, std::uint64_t min,
                                         std::uint64_t max) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != text.npos) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (const char digit : text) {
    const auto next = static_cast<std::uint64_t>(digit - '0');
    if (value > (kNoLimit - next) / 10) return std::nullopt;
    value = value * 10 + next;
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

std::string NotWholeNumber(std::string_view value, std::uint64_t min, std::uint64_t max) {
  return Quoted(value) + " is not a whole number " +
         (max == kNoLimit ? "of at least " + std::to_string(min)
                          : "from " + std::to_string(min) + " to " + std::to_string(max));
}

// `value` into `out` when it is a whole number in [min, max].
template <typename Number>
std::string SetNumber(std::string_view value, std::uint64_t min, std::uint64_t max, Number& out) {
  const std::optional<std::uint64_t> parsed = WholeNumber(value, min, max);
  if (!parsed) return NotWholeNumber(value, min, max);
  out = static_cast<Number>(*parsed);
  return "";
}

// `value` as one of `names`, or the problem listing them.
template <typename Enum, std::size_t N>
std::string Choose(std::string_view value, const std::pair<std::string_view, Enum> (&names)[N],
                   std::string_view what, Enum& out) {
  std::string allowed;
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i].first == value) {
      out = names[i].second;
      return "";
    }
    allowed += std::string(names[i].first) + (i + 2 < N ? ", " : i + 2 == N ? " or " : "");
  }
  return Quoted(value) + " is not " + std::string(what) + ": use " + allowed;
}

// "N" or "M-N" into the n-gram orders.
std::string SetNgrams(std::string_view text, Options& options) {
  const std::size_t dash = text.find('-');
  const auto min = WholeNumber(text.substr(0, dash), 1, Options::kMaxNgramOrder);
  const auto max =
      dash == text.npos ? min : WholeNumber(text.substr(dash + 1), 1, Options::kMaxNgramOrder);
  if (!min || !max || *min > *max) {
    return Quoted(text) +
           " is not N or M-N with 1 <= M <= N <= " + std::to_string(Options::kMaxNgramOrder);
  }
  options.ngram_min = static_cast<int>(*min);
  options.ngram_max = static_cast<int>(*max);
  return "";
}

// "I/N", or "auto": the part a Slurm job array's task is. Whether the part
// exists is ValidateOptions's to say.
std::string SetShard(std::string_view text, const Environment& environment, Options& options) {
  std::optional<std::uint64_t> index, count;
  if (text == "auto") {
    const auto id = environment("SLURM_ARRAY_TASK_ID");
    const auto task_count = environment("SLURM_ARRAY_TASK_COUNT");
    if (!id || !task_count) {
      return "auto needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (run it in a Slurm job "
             "array)";
    }
    // Arrays may start anywhere (--array=1-4); the first task is part 0.
    const auto first = environment("SLURM_ARRAY_TASK_MIN");
    const auto id_value = WholeNumber(*id, 0, INT32_MAX / 2);
    const auto min_value = first ? WholeNumber(*first, 0, INT32_MAX / 2) : 0;
    count = WholeNumber(*task_count, 0, kMaxShards);
    if (id_value && min_value && *id_value >= *min_value) index = *id_value - *min_value;
    if (!index || !count) {
      return "auto: SLURM_ARRAY_TASK_ID=" + *id + ", SLURM_ARRAY_TASK_MIN=" + first.value_or("") +
             ", SLURM_ARRAY_TASK_COUNT=" + *task_count + " do not name a part";
    }
  } else {
    const std::size_t slash = text.find('/');
    if (slash != text.npos) {
      index = WholeNumber(text.substr(0, slash), 0, kMaxShards);
      count = WholeNumber(text.substr(slash + 1), 0, kMaxShards);
    }
    if (!index || !count) return Quoted(text) + " is not I/N or auto";
  }
  options.shard_index = static_cast<int>(*index);
  options.shard_count = static_cast<int>(*count);
  return "";
}

std::string NotASize(std::string_view text) {
  return Quoted(text) + " is not a size (a number, optionally with K, M, G or T)";
}

std::string SetMemory(std::string_view text, Options& options) {
  const std::optional<std::uint64_t> budget = ParseSize(text);
  if (!budget) return NotASize(text);
  if (*budget < Options::kMinMemoryBytes) {
    return Quoted(text) + " is below the smallest budget, " + FormatSize(Options::kMinMemoryBytes);
  }
  options.memory_bytes = *budget;
  return "";
}

// A size, as --memory takes it ("64K", "16M"), from 1 to the limit.
std::string SetMaxTokenBytes(std::string_view text, Options& options) {
  const std::optional<std::uint64_t> bytes = ParseSize(text);
  if (!bytes) return NotASize(text);
  if (*bytes < 1 || *bytes > Options::kMaxTokenBytesLimit) {
    return Quoted(text) + " is not from 1 to " + MaxTokenBytesRange();
  }
  options.max_token_bytes = static_cast<std::size_t>(*bytes);
  return "";
}

// A flag's value: "true" or "false".
std::optional<bool> FlagValue(std::string_view value) {
  if (value == "true") return true;
  if (value == "false") return false;
  return std::nullopt;
}

// Sets `field` to `mapped` when `on`; a field already set to `other` by its
// flag is a conflict between the two flags.
template <typename Enum>
std::string SetExclusive(bool on, Enum& field, Enum mapped, Enum other, std::string_view first,
                         std::string_view second) {
  if (!on) {
    if (field == mapped) field = Enum{};
    return "";
  }
  if (field == other) {
    return "--" + std::string(first) + " and --" + std::string(second) + " cannot be combined";
  }
  field = mapped;
  return "";
}

// Reads `value` into the option `name` (dashes, no prefix); the problem
// without the option's name, or an empty string.
std::string Set(Settings& settings, std::string_view name, std::string_view value,
                const Environment& environment) {
  Options& options = settings.count;
  if (name == "tokenizer") {
    static constexpr std::pair<std::string_view, TokenizerKind> kNames[] = {
        {"word", TokenizerKind::kWord},
        {"whitespace", TokenizerKind::kWhitespace},
        {"gpt2", TokenizerKind::kGpt2},
        {"cl100k", TokenizerKind::kCl100k},
        {"o200k", TokenizerKind::kO200k}};
    return Choose(value, kNames, "a tokenizer", options.tokenizer);
  }
  if (name == "sort") {
    static constexpr std::pair<std::string_view, SortOrder> kNames[] = {
        {"count", SortOrder::kCount}, {"token", SortOrder::kToken}};
    return Choose(value, kNames, "an order", options.sort);
  }
  if (name == "format") {
    static constexpr std::pair<std::string_view, OutputFormat> kNames[] = {
        {"tsv", OutputFormat::kTsv},
        {"glove", OutputFormat::kGlove},
        {"json", OutputFormat::kJson}};
    return Choose(value, kNames, "a format", settings.write.format);
  }
  if (name == "ngrams") return SetNgrams(value, options);
  if (name == "ngram-separator") {
    options.ngram_separator = value;
    return "";
  }
  if (name == "shard") return SetShard(value, environment, options);
  if (name == "memory") return SetMemory(value, options);
  if (name == "include" || name == "exclude") {
    (name == "include" ? options.include : options.exclude).emplace_back(value);
    return "";
  }
  if (name == "jsonl" || name == "temp-dir") {
    if (value.empty())
      return name == "jsonl" ? "FIELD needs a key, or keys joined by dots"
                             : "the directory name is empty";
    (name == "jsonl" ? options.jsonl_field : options.temp_dir) = value;
    return "";
  }
  if (name == "min-count") return SetNumber(value, 1, kNoLimit, options.min_count);
  if (name == "top") return SetNumber(value, 1, kNoLimit, options.top);
  if (name == "threads") return SetNumber(value, 1, Options::kMaxThreads, options.threads);
  if (name == "max-token-bytes") return SetMaxTokenBytes(value, options);
  if (name == "chunk-size") return SetNumber(value, 1, std::uint64_t{1} << 30, options.chunk_bytes);
  // Flags.
  const std::optional<bool> on = FlagValue(value);
  if (!on) return Quoted(value) + " is not true or false";
  if (name == "lower" || name == "casefold") {
    const bool lower = name == "lower";
    return SetExclusive(*on, options.case_mapping, lower ? CaseMapping::kLower : CaseMapping::kFold,
                        lower ? CaseMapping::kFold : CaseMapping::kLower, "lower", "casefold");
  }
  if (name == "nfc" || name == "nfkc") {
    const bool nfc = name == "nfc";
    return SetExclusive(*on, options.normalization,
                        nfc ? Normalization::kNfc : Normalization::kNfkc,
                        nfc ? Normalization::kNfkc : Normalization::kNfc, "nfc", "nfkc");
  }
  bool* const flag = name == "raw-pieces"     ? &options.raw_pieces
                     : name == "header"       ? &settings.write.header
                     : name == "strict-jsonl" ? &options.strict_jsonl
                     : name == "keep-going"   ? &options.keep_going
                     : name == "follow"       ? &options.follow_symlinks
                                              : nullptr;
  if (flag != nullptr) *flag = *on;
  if (name == "merge") settings.kind = *on ? RunKind::kMerge : RunKind::kCount;
  // A row of the table that nothing here reads would be silently ignored.
  if (flag == nullptr && name != "merge") return kUnread;
  return "";
}

}  // namespace

std::span<const OptionSpec> OptionTable() { return kTable; }

Environment ProcessEnvironment() {
  return [](const std::string& variable) {
    const char* text = std::getenv(variable.c_str());
    return text ? std::optional<std::string>(text) : std::nullopt;
  };
}

std::string FormatSize(std::uint64_t bytes) {
  static constexpr std::string_view kUnits = "TGMK";
  for (std::size_t i = 0; i < kUnits.size() && bytes > 0; ++i) {
    const std::uint64_t unit = std::uint64_t{1} << (10 * (kUnits.size() - i));
    if (bytes % unit == 0) return std::to_string(bytes / unit) + kUnits[i];
  }
  return std::to_string(bytes);
}

std::string MaxTokenBytesRange() {
  return FormatSize(Options::kMaxTokenBytesLimit) + " (" +
         std::to_string(Options::kMaxTokenBytesLimit) + ")";
}

std::string AllowedValues(std::string_view name) {
  // Every refused value is "'VALUE' is not WHAT" or "... is not WHAT: use A,
  // B or C"; an empty value is refused by every option that cannot take any
  // text.
  Settings scratch;
  const std::string problem =
      Set(scratch, name, "", [](const std::string&) { return std::optional<std::string>(); });
  constexpr std::string_view kIsNot = "'' is not ";
  if (!problem.starts_with(kIsNot)) return "";
  const std::string what = problem.substr(kIsNot.size());
  constexpr std::string_view kUse = ": use ";
  const std::size_t use = what.find(kUse);
  return use == std::string::npos ? what : "one of " + what.substr(use + kUse.size());
}

std::optional<std::uint64_t> ParseSize(std::string_view text) {
  // A suffix K, M, G or T (either case): 2^10, 2^20, 2^30 or 2^40.
  const std::size_t power =
      text.empty() ? std::string_view::npos : std::string_view("KMGTkmgt").find(text.back());
  const std::uint64_t unit =
      power == std::string_view::npos ? 1 : std::uint64_t{1} << (10 * (power % 4 + 1));
  if (unit > 1) text.remove_suffix(1);
  const auto number = WholeNumber(text, 0, std::uint64_t{1} << 50);
  if (!number || *number > (std::uint64_t{1} << 50) / unit) return std::nullopt;
  return *number * unit;
}

std::string SetOption(Settings& settings, std::string_view name, std::string_view value,
                      const Environment& environment) {
  std::string dashed(name);
  for (char& c : dashed) c = c == '_' ? '-' : c;
  bool known = false;
  for (const OptionSpec& spec : kTable) known = known || spec.name == dashed;
  if (!known) return "--" + dashed + ": there is no such option";
  const std::string problem =
      Set(settings, dashed, value, environment ? environment : ProcessEnvironment());
  // The pair conflicts name both options already.
  if (problem.empty() || problem.starts_with("--")) return problem;
  return "--" + dashed + ": " + problem;
}

}  // namespace vocabcount
