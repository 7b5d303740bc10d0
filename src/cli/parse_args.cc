// The option table (CLI11), its help text, and the checks that turn raw flag
// values into library options.
#include "parse_args.h"

#include <CLI/CLI.hpp>

#include <map>
#include <string_view>

#include "vocabcount/version.h"

namespace vocabcount::cli {
namespace {

constexpr const char* kFooter = R"(OUTPUT
  One line per distinct token, "token<TAB>count<LF>", UTF-8, sorted by count
  descending, then by token bytes ascending. The order is total, so the same
  inputs give the same bytes whatever the thread count or the input order.
  Without -o, the vocabulary goes to standard output.

TOKENS
  word        Unicode word segmentation (UAX #29) as ICU's word BreakIterator
              does it, dictionaries included (Chinese, Japanese, Thai, Lao,
              Khmer, Burmese); letters, numbers, kana and ideographs count,
              spaces, punctuation and symbols do not.
  whitespace  maximal runs of characters that are neither White_Space nor
              control characters; punctuation stays attached.
  Ill-formed UTF-8 separates tokens and is never part of one; each input with
  some gets one warning with the offset of the first sequence and their number.
  A UTF-8 byte order mark at the start of an input is skipped.
  Case mapping (--lower, --casefold) is applied to each token before
  normalization (--nfc, --nfkc).

INPUTS
  A PATH is a file, a directory (its regular files, recursively, in sorted
  order; symbolic links inside are skipped unless --follow) or - for standard
  input. With no PATH, standard input is read.

EXIT STATUS
  0  success
  1  an input could not be read (no vocabulary is written unless
     --keep-going), or the output could not be written
  2  usage error: unknown option or bad value
  A closed pipe on standard output (vocabcount ... | head) ends quietly with 0.
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

std::string Usage(const std::string& message) {
  return "vocabcount: " + message + "\nTry 'vocabcount --help' for more information.\n";
}

}  // namespace

ParsedArgs ParseArgs(int argc, const char* const* argv) {
  CLI::App app("vocabcount: count token frequencies over text corpora, in parallel.",
               "vocabcount");
  app.footer(kFooter);
  app.set_version_flag("-V,--version", std::string("vocabcount ") + VOCABCOUNT_VERSION);
  app.get_formatter()->column_width(28);

  CliOptions cli;
  Options& options = cli.count;
  std::vector<std::string> paths;
  app.add_option("PATH", paths, "Files, directories, or - for standard input")->type_name("");

  const std::map<std::string, TokenizerKind> tokenizers{{"word", TokenizerKind::kWord},
                                                        {"whitespace", TokenizerKind::kWhitespace}};
  app.add_option("-t,--tokenizer", options.tokenizer, "word (default) or whitespace")
      ->transform(CLI::CheckedTransformer(tokenizers))
      ->option_text("KIND");
  bool lower = false, casefold = false, nfc = false, nfkc = false;
  app.add_flag("--lower", lower, "Lowercase each token (full Unicode, root locale; not with --casefold)");
  app.add_flag("--casefold", casefold, "Case-fold each token (full Unicode folding)");
  app.add_flag("--nfc", nfc, "Normalize each token to NFC (not with --nfkc)");
  app.add_flag("--nfkc", nfkc, "Normalize each token to NFKC");

  app.add_option("--min-count", options.min_count, "Drop tokens seen fewer than N times")
      ->check(DecimalDigits())
      ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX))
      ->option_text("N");
  app.add_option("--top", options.top, "Keep only the first N lines")
      ->check(DecimalDigits())
      ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX))
      ->option_text("N");
  app.add_flag("--header", cli.write.header, "Write a first line token<TAB>count");
  auto* output = app.add_option("-o,--output", cli.output,
                                "Write to FILE atomically (replaced only by a complete result)")
                     ->option_text("FILE");
  app.add_option("-j,--threads", options.threads, "Worker threads (default: the usable cores)")
      ->check(CLI::Range(1, 1024))
      ->option_text("N");
  app.add_flag("--stats", cli.stats, "Print inputs, bytes, tokens, time and speed to stderr");
  app.add_flag("--keep-going", options.keep_going,
               "Skip unreadable inputs (each is reported; exit status stays 1)");
  app.add_flag("--follow", options.follow_symlinks, "Follow symbolic links in directories");
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
      parsed.stderr_text = Usage(std::string(arg.substr(0, arg.size() - 1)) +
                                 ": the value is empty");
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
  const char* conflict = nullptr;
  if (lower && casefold) conflict = "--lower and --casefold cannot be combined";
  if (nfc && nfkc) conflict = "--nfc and --nfkc cannot be combined";
  if (output->count() > 0 && cli.output->empty()) conflict = "--output: the file name is empty";
  if (conflict != nullptr) {
    parsed.exit_status = 2;
    parsed.stderr_text = Usage(conflict);
    return parsed;
  }

  if (lower) options.case_mapping = CaseMapping::kLower;
  if (casefold) options.case_mapping = CaseMapping::kFold;
  if (nfc) options.normalization = Normalization::kNfc;
  if (nfkc) options.normalization = Normalization::kNfkc;
  cli.paths = paths.empty() ? std::vector<std::string>{"-"} : std::move(paths);
  parsed.options = std::move(cli);
  return parsed;
}

}  // namespace vocabcount::cli
