// The option table (CLI11), its help text, and the checks that turn raw flag
// values into library options.
#include "cli/parse_args.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "vocabcount/version.h"

namespace vocabcount::cli {
namespace {

constexpr const char* kFooter = R"(OUTPUT
  One line per distinct token, "token<TAB>count<LF>", UTF-8, sorted by count
  descending, then by token bytes ascending (--sort token: by token bytes
  only). The order is total, so the same inputs give the same bytes whatever
  the thread count or the input order. Without -o, the vocabulary goes to
  standard output. -o FILE writes a temporary file next to FILE and renames it
  over FILE at the end; a FILE that is a device or a FIFO is written in place,
  and a symbolic link's target is replaced, not the link. --format glove
  writes "token count" lines as GloVe's vocab_count does; --format json one
  object {"token": count, ...} in output order.

TOKENS
  word        Unicode word segmentation (UAX #29) as ICU's word BreakIterator
              does it, dictionaries included (Chinese, Japanese, Thai, Lao,
              Khmer, Burmese); letters, numbers, kana and ideographs count,
              spaces, punctuation and symbols do not.
  whitespace  maximal runs of characters that are neither White_Space nor
              control characters; punctuation stays attached.
  gpt2, cl100k, o200k
              the pre-tokenizer pieces that byte-pair-encoding tokenizer
              trainers count: every match of GPT-2's pattern, of tiktoken's
              cl100k_base (also Llama 3's) or of o200k_base, found over the
              whole text of each input (or JSON Lines document) as Python's
              regex.findall finds them. Every piece counts, spaces and line
              ends included; ill-formed UTF-8 reads as U+FFFD, as Python's
              errors="replace" decodes it. Pieces are written in GPT-2's
              byte-level form (each byte of the piece's UTF-8 as one
              character: " the" is "Ġthe", a line feed "Ċ"), what BPE
              trainers read; --raw-pieces writes them as they are, with
              --format json only. Case mapping and normalization apply to the
              piece before the byte-level form; --ngrams does not apply.
              Llama 3 uses cl100k's pattern; its tokenizer also cuts each
              text it encodes every 400,000 characters, and runs of over
              25,000 white-space or other characters, before matching. There
              is no -t llama3: those cuts depend on where each call to its
              encode starts, and change only the piece at each cut.
  Ill-formed UTF-8 separates tokens and is never part of one; each input with
  some gets one warning with the offset of the first sequence and their number.
  A UTF-8 byte order mark at the start of an input is skipped.
  Tokens longer than --max-token-bytes (default 65536) are not counted; each
  input with some gets one warning, and --stats counts them. A stretch of more
  than 16 times that (at least 1 MiB) without a line feed, an ASCII space or
  control character is cut there, so memory stays bounded; a token reaching
  such a cut counts as too long.
  Case mapping (--lower, --casefold) is applied to each token before
  normalization (--nfc, --nfkc).

N-GRAMS
  --ngrams N counts every run of N consecutive tokens instead of tokens;
  --ngrams M-N counts every order from M to N into one vocabulary (1 <= M <=
  N <= 16; --ngrams 1, the default, counts tokens). An n-gram is written as
  its tokens, each case-mapped and normalized, joined by one space, or by
  --ngram-separator STR (not empty; no tab, line feed or carriage return).
  An n-gram never spans a line end (LF, CR LF or a lone CR), the end of a
  JSON Lines document or of an input, a token left out as too long, or a
  forced cut; it does span the spaces, punctuation and symbols the tokenizer
  skips: "Hello, world" holds the bigram "Hello world". --stats counts the
  n-grams of each order. --format glove needs a separator without
  whitespace, since GloVe splits its lines at spaces.

INPUTS
  A PATH is a file, a directory (its regular files, recursively, in sorted
  order; symbolic links inside are skipped unless --follow; --include and
  --exclude filter them by glob) or - for standard input. With no PATH and no
  --files-from, standard input is read. Inputs compressed with gzip, zstd,
  bzip2 or xz are recognized by their first bytes and read decompressed.
  --jsonl FIELD reads each line as a JSON object and counts the string at
  FIELD ("meta.text" for nested objects; a key holding a dot cannot be
  named). Blank lines are skipped; other lines without a string there are
  counted as bad in --stats and warned about once per input, naming the
  first (with --strict-jsonl it is an error).

MAP AND MERGE
  --shard I/N counts only part I (0 to N-1) of N parts of the input list,
  dealt by size so that parts are balanced; N processes given the same list
  count each input exactly once. --shard auto takes I and N from a Slurm job
  array (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT).
  --merge reads vocabularies written by vocabcount (TSV, with or without
  header, compressed or not) and sums their counts: merging the counts of
  parts gives the bytes a single count of the whole would. Write the parts
  with --sort token and without --min-count or --top: regular files sorted by
  token are checked in a first pass, then merged as streams, and with --sort
  token (no --top) written as they are merged, in memory that does not grow
  with the vocabulary; in any other order the sums are sorted within
  --memory, spilling like a count. Other inputs are summed within --memory,
  spilling too. A malformed line or a token twice in one input is an error naming
  the file and line (a token whose two lines were spilled apart: the file).

MEMORY
  --memory SIZE (bytes, or with a suffix K, M, G or T: powers of 1024; at
  least 256M) is the budget for the whole process. The default is half of the
  memory it may use: the smaller of physical memory and its control group's
  limit (cgroup v2 memory.max or v1 memory.limit_in_bytes, as set by Slurm's
  --mem, Docker or systemd). Counting stays exact at any vocabulary size: when
  the counts outgrow the budget they are written, compressed, to a temporary
  file in --temp-dir (default $TMPDIR, else /tmp) and summed partition by
  partition at the end. The peak resident memory (VmHWM, or /usr/bin/time's
  "Maximum resident set size") stays within the budget plus at most 64 MiB.
  The temporary file has no name and mode 0600: it is gone when the run ends,
  however it ends. --stats reports the budget, the tables' peak and what was
  spilled.

EXIT STATUS
  0  success
  1  an input could not be read (no vocabulary is written unless
     --keep-going), the output could not be written, or memory ran out
  2  usage error: unknown option or bad value
  A closed pipe on standard output (vocabcount ... | head) ends quietly with 0.
  SIGINT, SIGTERM or SIGHUP ends the run at once, with status 128 + the
  signal's number; -o FILE is left as it was, and no temporary file stays.
)";

// CLI11 reads unsigned numbers with strtoull, which takes "-5" for 2^64 - 5;
// a count or size must be plain decimal digits.
CLI::Validator DecimalDigits() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) return "";
        return "Value " + value + " is not a whole number";
      },
      "");
}

// A whole number in [0, limit], or nullopt.
std::optional<int> SmallNumber(std::string_view text, int limit) {
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const int value = std::stoi(std::string(text));
  if (value > limit) return std::nullopt;
  return value;
}

constexpr int kMaxShards = 1 << 20;

// "SIZE": digits with an optional K, M, G or T (powers of 1024), or nullopt.
std::optional<std::uint64_t> ParseSize(std::string_view text) {
  std::uint64_t unit = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': unit = std::uint64_t{1} << 10; break;
      case 'M': case 'm': unit = std::uint64_t{1} << 20; break;
      case 'G': case 'g': unit = std::uint64_t{1} << 30; break;
      case 'T': case 't': unit = std::uint64_t{1} << 40; break;
      default: break;
    }
    if (unit > 1) text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 15 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::uint64_t number = std::stoull(std::string(text));
  if (number > (std::uint64_t{1} << 50) / unit) return std::nullopt;
  return number * unit;
}

// "N" or "M-N" into the n-gram orders of `options`; the problem otherwise.
std::optional<std::string> ParseNgrams(const std::string& text, Options& options) {
  const std::size_t dash = text.find('-');
  const std::string_view view = text;
  const std::optional<int> min = SmallNumber(view.substr(0, dash), 1000);
  const std::optional<int> max =
      dash == std::string::npos ? min : SmallNumber(view.substr(dash + 1), 1000);
  const int limit = Options::kMaxNgramOrder;
  if (!min || !max || *min < 1 || *min > *max || *max > limit) {
    return "'" + text + "' is not N or M-N with 1 <= M <= N <= " + std::to_string(limit);
  }
  options.ngram_min = *min;
  options.ngram_max = *max;
  return std::nullopt;
}

// "I/N" or "auto" (a Slurm job array) into options; the problem otherwise.
std::optional<std::string> ParseShard(const std::string& text, const Environment& environment,
                                      Options& options) {
  std::optional<int> index, count;
  if (text == "auto") {
    const auto id = environment("SLURM_ARRAY_TASK_ID");
    const auto task_count = environment("SLURM_ARRAY_TASK_COUNT");
    if (!id || !task_count) {
      return std::string(
          "auto needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT "
          "(run it in a Slurm job array)");
    }
    // Arrays may start anywhere (--array=1-4); the first task is part 0.
    const auto first = environment("SLURM_ARRAY_TASK_MIN");
    const std::optional<int> id_value = SmallNumber(*id, INT32_MAX / 2);
    const std::optional<int> min_value = first ? SmallNumber(*first, INT32_MAX / 2) : 0;
    count = SmallNumber(*task_count, kMaxShards);
    if (id_value && min_value && *id_value >= *min_value) index = *id_value - *min_value;
    if (!index || !count) {
      return "auto: SLURM_ARRAY_TASK_ID=" + *id + ", SLURM_ARRAY_TASK_MIN=" + first.value_or("") +
             ", SLURM_ARRAY_TASK_COUNT=" + *task_count + " do not name a part";
    }
  } else {
    const std::size_t slash = text.find('/');
    if (slash != std::string::npos) {
      index = SmallNumber(std::string_view(text).substr(0, slash), kMaxShards);
      count = SmallNumber(std::string_view(text).substr(slash + 1), kMaxShards);
    }
    if (!index || !count) return "'" + text + "' is not I/N or auto";
  }
  if (*count < 1 || *index >= *count) {
    return "part " + std::to_string(*index) + " of " + std::to_string(*count) +
           " does not exist (parts are 0 to N-1)";
  }
  options.shard_index = *index;
  options.shard_count = *count;
  return std::nullopt;
}

std::string Usage(const std::string& message) {
  return "vocabcount: " + message + "\nTry 'vocabcount --help' for more information.\n";
}

}  // namespace

ParsedArgs ParseArgs(int argc, const char* const* argv, const Environment& environment) {
  CLI::App app("vocabcount: count token frequencies over text corpora, in parallel.", "vocabcount");
  app.footer(kFooter);
  app.set_version_flag("-V,--version", std::string("vocabcount ") + VOCABCOUNT_VERSION);
  app.get_formatter()->column_width(28);

  CliOptions cli;
  Options& options = cli.count;
  std::vector<std::string> paths;
  app.add_option("PATH", paths, "Files, directories, or - for standard input")->type_name("");

  const std::map<std::string, TokenizerKind> tokenizers{
      {"word", TokenizerKind::kWord},     {"whitespace", TokenizerKind::kWhitespace},
      {"gpt2", TokenizerKind::kGpt2},     {"cl100k", TokenizerKind::kCl100k},
      {"o200k", TokenizerKind::kO200k}};
  app.add_option("-t,--tokenizer", options.tokenizer,
                 "word (default), whitespace, or the BPE pre-tokenizers gpt2, cl100k, o200k")
      ->transform(CLI::CheckedTransformer(tokenizers))
      ->option_text("KIND");
  app.add_flag("--raw-pieces", options.raw_pieces,
               "Write pre-tokenizer pieces as they are, not byte-level (--format json only)");
  bool lower = false, casefold = false, nfc = false, nfkc = false;
  app.add_flag("--lower", lower,
               "Lowercase each token (full Unicode, root locale; not with --casefold)");
  app.add_flag("--casefold", casefold, "Case-fold each token (full Unicode folding)");
  app.add_flag("--nfc", nfc, "Normalize each token to NFC (not with --nfkc)");
  app.add_flag("--nfkc", nfkc, "Normalize each token to NFKC");

  std::string ngrams;
  app.add_option("--ngrams", ngrams,
                 "Count n-grams of N tokens, or of every order from M to N (at most 16)")
      ->option_text("N|M-N");
  auto* separator =
      app.add_option("--ngram-separator", options.ngram_separator,
                     "Join an n-gram's tokens with STR (default: one space)")
          ->option_text("STR");
  app.add_option("--min-count", options.min_count, "Drop tokens seen fewer than N times")
      ->check(DecimalDigits())
      ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX))
      ->option_text("N");
  app.add_option("--max-token-bytes", options.max_token_bytes,
                 "Do not count tokens longer than N bytes (default 65536)")
      ->check(DecimalDigits())
      ->check(CLI::Range(std::size_t{1}, Options::kMaxTokenBytesLimit))
      ->option_text("N");
  app.add_option("--top", options.top, "Keep only the N most frequent tokens")
      ->check(DecimalDigits())
      ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX))
      ->option_text("N");
  const std::map<std::string, SortOrder> sort_orders{{"count", SortOrder::kCount},
                                                     {"token", SortOrder::kToken}};
  app.add_option("--sort", options.sort, "Output order: count (default) or token")
      ->transform(CLI::CheckedTransformer(sort_orders))
      ->option_text("ORDER");
  const std::map<std::string, OutputFormat> formats{
      {"tsv", OutputFormat::kTsv}, {"glove", OutputFormat::kGlove}, {"json", OutputFormat::kJson}};
  app.add_option("--format", cli.write.format, "tsv (default), glove or json")
      ->transform(CLI::CheckedTransformer(formats))
      ->option_text("FORMAT");
  app.add_flag("--header", cli.write.header, "Write a first line token<TAB>count (tsv only)");
  auto* output = app.add_option("-o,--output", cli.output,
                                "Write to FILE atomically (replaced only by a complete result)")
                     ->option_text("FILE");
  app.add_option("-j,--threads", options.threads, "Worker threads (default: the usable cores)")
      ->check(CLI::Range(1, 1024))
      ->option_text("N");
  std::string stats_format;
  // A flag, so that "--stats FILE" leaves FILE an input; "--stats=json" picks
  // the format.
  auto* stats = app.add_flag("--stats", stats_format,
                             "Print inputs, bytes, tokens, time and speed to stderr; "
                             "--stats=json prints one JSON object")
                    ->check(CLI::Validator(
                        [](std::string& value) -> std::string {
                          // A bare flag arrives as "true".
                          if (value == "true" || value == "json") return "";
                          return "'" + value + "' is not a format: use --stats or --stats=json";
                        },
                        ""))
                    ->option_text("[=json]");
  bool progress = false, no_progress = false;
  app.add_flag("--progress", progress,
               "Show a progress line on stderr (default: when it is a terminal)");
  app.add_flag("--no-progress", no_progress, "Never show the progress line");
  app.add_option("--files-from", cli.files_from,
                 "Read more paths from FILE (- for standard input), one per line")
      ->option_text("FILE");
  app.add_flag("-0,--null", cli.files_from_nul, "--files-from paths are separated by NUL bytes");
  // One pattern per occurrence: a list option would take the paths after it too.
  for (auto [name, patterns, help] :
       {std::tuple{"--include", &options.include,
                   "Read only files matching GLOB found in directories (repeatable)"},
        std::tuple{
            "--exclude", &options.exclude,
            "Skip files (and directories) matching GLOB found in directories (repeatable)"}}) {
    app.add_option(name, *patterns, help)
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->option_text("GLOB");
  }
  CLI::Option* jsonl = app.add_option("--jsonl", options.jsonl_field,
                                      "Inputs are JSON Lines: count the string at FIELD")
                           ->option_text("FIELD");
  app.add_flag("--strict-jsonl", options.strict_jsonl, "A bad JSON line is an input error");
  std::string shard;
  app.add_option("--shard", shard, "Count only part I of N of the inputs (0 <= I < N), or auto")
      ->option_text("I/N|auto");
  app.add_flag("--merge", cli.merge, "Inputs are vocabularies written by vocabcount: sum them");
  app.add_flag("--keep-going", options.keep_going,
               "Skip unreadable inputs (each is reported; exit status stays 1)");
  app.add_flag("--follow", options.follow_symlinks, "Follow symbolic links in directories");
  std::string memory;
  app.add_option("--memory", memory,
                 "Memory budget for the whole process (default: half of what it may use)")
      ->option_text("SIZE");
  app.add_option("--temp-dir", options.temp_dir,
                 "Where to spill counts past the budget (default: $TMPDIR, else /tmp)")
      ->option_text("DIR");
  // Work-unit size: a test hook, since output must not depend on it.
  app.add_option("--chunk-size", options.chunk_bytes)
      ->check(DecimalDigits())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->group("");

  ParsedArgs parsed;
  // CLI11 reads "--name=" as "--name" without its value and takes the next
  // argument instead: "--output= in.txt" would overwrite in.txt.
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.starts_with("--") && arg.find('=') == arg.size() - 1) {
      parsed.exit_status = 2;
      parsed.stderr_text =
          Usage(std::string(arg.substr(0, arg.size() - 1)) + ": the value is empty");
      return parsed;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    parsed.stdout_text = app.help();
    return parsed;
  } catch (const CLI::CallForVersion& version) {
    parsed.stdout_text = std::string(version.what()) + "\n";
    return parsed;
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    // CLI11 leaves the name of a hidden option out of its messages, and
    // --chunk-size is the only hidden one.
    if (message.starts_with(": ")) message = "--chunk-size" + message;
    parsed.exit_status = 2;
    parsed.stderr_text = Usage(message);
    return parsed;
  }
  std::string conflict;
  if (lower && casefold) conflict = "--lower and --casefold cannot be combined";
  if (nfc && nfkc) conflict = "--nfc and --nfkc cannot be combined";
  if (progress && no_progress) conflict = "--progress and --no-progress cannot be combined";
  if (output->count() > 0 && cli.output->empty()) conflict = "--output: the file name is empty";
  if (cli.write.header && cli.write.format != OutputFormat::kTsv) {
    conflict = "--header goes only with --format tsv";
  }
  if (cli.files_from_nul && !cli.files_from) conflict = "--null goes only with --files-from";
  if (options.strict_jsonl && options.jsonl_field.empty()) {
    conflict = "--strict-jsonl goes only with --jsonl";
  }
  if (cli.merge && !options.jsonl_field.empty())
    conflict = "--merge and --jsonl cannot be combined";
  // A merge sums tokens as the parts wrote them; it does not tokenize again.
  if (cli.merge && (lower || casefold || nfc || nfkc || app.count("--tokenizer") > 0 ||
                    app.count("--max-token-bytes") > 0)) {
    conflict =
        "--merge cannot be combined with --tokenizer, --lower, --casefold, --nfc, --nfkc or "
        "--max-token-bytes (give them when counting the parts)";
  }
  if (!ngrams.empty()) {
    if (auto problem = ParseNgrams(ngrams, options)) conflict = "--ngrams: " + *problem;
  }
  // The orders are checked above, with the value given; this leaves the separator.
  if (separator->count() > 0) {
    if (std::string problem = NgramOptionsProblem(options); !problem.empty()) {
      conflict = "--ngram-separator: " + problem;
    }
  }
  // GloVe reads "token count" lines split at whitespace (C's isspace).
  if (cli.write.format == OutputFormat::kGlove && options.counts_ngrams() &&
      options.ngram_separator.find_first_of(" \t\n\v\f\r") != std::string::npos) {
    conflict =
        "--format glove: GloVe splits its lines at whitespace, so an n-gram must not hold any; "
        "give an --ngram-separator without whitespace (e.g. --ngram-separator _)";
  }
  if (cli.merge && (!ngrams.empty() || separator->count() > 0)) {
    conflict =
        "--merge cannot be combined with --ngrams or --ngram-separator (a merge sums n-gram "
        "vocabularies as they are; give them when counting the parts)";
  }
  const std::string& field = options.jsonl_field;
  if (jsonl->count() > 0 && (field.empty() || field.front() == '.' || field.back() == '.' ||
                             field.find("..") != std::string::npos)) {
    conflict = "--jsonl: FIELD needs a key, or keys joined by dots";
  }
  const bool reads_stdin = (paths.empty() && !cli.files_from) ||
                           std::find(paths.begin(), paths.end(), "-") != paths.end();
  if (!shard.empty() && reads_stdin) {
    conflict = "--shard: standard input cannot be divided into parts; name the files";
  }
  if (!shard.empty() && cli.merge) conflict = "--shard and --merge cannot be combined";
  if (!shard.empty()) {
    if (auto problem = ParseShard(shard, environment, options)) conflict = "--shard: " + *problem;
  }
  if (!memory.empty()) {
    const std::optional<std::uint64_t> budget = ParseSize(memory);
    if (!budget) {
      conflict = "--memory: '" + memory + "' is not a size (a number, optionally with K, M, G or T)";
    } else if (*budget < (std::uint64_t{256} << 20)) {
      conflict = "--memory: '" + memory + "' is below the smallest budget, 256M";
    } else {
      options.memory_bytes = *budget;
    }
  }
  // A budget in bytes below the floor, from the environment: a test hook, to
  // make small runs spill. --memory wins.
  const auto test_budget = environment("VOCABCOUNT_TEST_MEMORY_BYTES");
  if (test_budget && memory.empty()) {
    const std::optional<std::uint64_t> bytes = ParseSize(*test_budget);
    if (!bytes || *bytes == 0) {
      conflict = "VOCABCOUNT_TEST_MEMORY_BYTES: '" + *test_budget + "' is not a size";
    } else {
      options.memory_bytes = *bytes;
    }
  }
  if (options.temp_dir.empty() && app.count("--temp-dir") > 0) {
    conflict = "--temp-dir: the directory name is empty";
  }
  if (std::string problem = PieceOptionsProblem(options); !problem.empty()) {
    conflict = (options.raw_pieces && !IsPieceTokenizer(options.tokenizer) ? "--raw-pieces: "
                                                                            : "--ngrams: ") +
               problem;
  }
  if (std::string problem = WriteOptionsProblem(options, cli.write); !problem.empty()) {
    conflict = "--raw-pieces: " + problem;
  }
  if (cli.merge && options.raw_pieces) {
    conflict = "--merge cannot be combined with --raw-pieces (give it when counting the parts)";
  }
  if (!conflict.empty()) {
    parsed.exit_status = 2;
    parsed.stderr_text = Usage(conflict);
    return parsed;
  }
  if (stats->count() > 0)
    cli.stats = stats_format == "json" ? StatsFormat::kJson : StatsFormat::kText;
  if (progress) cli.progress = ProgressMode::kOn;
  if (no_progress) cli.progress = ProgressMode::kOff;

  if (lower) options.case_mapping = CaseMapping::kLower;
  if (casefold) options.case_mapping = CaseMapping::kFold;
  if (nfc) options.normalization = Normalization::kNfc;
  if (nfkc) options.normalization = Normalization::kNfkc;
  const bool no_inputs = paths.empty() && !cli.files_from;
  cli.paths = no_inputs ? std::vector<std::string>{"-"} : std::move(paths);
  parsed.options = std::move(cli);
  return parsed;
}

}  // namespace vocabcount::cli
