// The vocabcount command: parse arguments, make one library call, write the
// result, and map the outcome to an exit status.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "cli/parse_args.h"
#include "cli/progress_line.h"
#include "cli/signals.h"
#include "vocabcount/vocabcount.h"

namespace {

using vocabcount::CountReport;
using vocabcount::Problem;

constexpr int kSuccess = 0;
constexpr int kFailure = 1;

void PrintError(const std::string& message) { std::cerr << "vocabcount: " << message << '\n'; }

// Warnings and errors about the inputs; `options` say what the limits on
// tokens were.
void PrintDiagnostics(const CountReport& report, const vocabcount::Options& options) {
  for (const Problem& error : report.errors) PrintError(error.ToString());
  for (const vocabcount::IllFormedInput& input : report.ill_formed) {
    const bool one = input.sequences == 1;
    // Pre-tokenizers read the text as Python decodes it; the others skip such bytes.
    const std::string effect =
        vocabcount::IsPieceTokenizer(options.tokenizer)
            ? std::string(one ? "is" : "are") + " read as U+FFFD"
            : std::string(one ? "separates" : "separate") + " tokens and " +
                  (one ? "is" : "are") + " not counted";
    PrintError("warning: " +
               Problem{input.path, input.first_offset,
                       std::to_string(input.sequences) + " ill-formed UTF-8 sequence" +
                           (one ? "" : "s") + " (the first at byte " +
                           std::to_string(input.first_offset) + ") " + effect}
                   .ToString());
  }
  for (const vocabcount::LongTokenInput& input : report.long_tokens) {
    if (input.tokens > 0) {
      const bool one = input.tokens == 1;
      std::string what = std::to_string(input.tokens) + (one ? " token" : " tokens") +
                         " longer than " + std::to_string(options.max_token_bytes) + " bytes " +
                         (one ? "is" : "are") + " not counted";
      if (input.first_offset) {
        what += " (the first at byte " + std::to_string(*input.first_offset) + ")";
      }
      PrintError("warning: " + Problem{input.path, input.first_offset, what}.ToString());
    }
    if (input.forced_cuts > 0) {
      PrintError("warning: " +
                 Problem{input.path, std::nullopt,
                         "cut at " + std::to_string(input.forced_cuts) +
                             (input.forced_cuts == 1 ? " place" : " places") +
                             " in text with no line feed, space or control character for more "
                             "than " +
                             std::to_string(options.stretch_bytes()) +
                             " bytes; a token reaching such a cut is taken as too long"}
                     .ToString());
    }
  }
  for (const vocabcount::BadJsonlInput& input : report.bad_jsonl) {
    const std::string how_many = input.lines == 1 ? "a bad JSON line: not counted"
                                                  : "the first of " + std::to_string(input.lines) +
                                                        " bad JSON lines, which are not counted";
    PrintError("warning: " + Problem{input.path, std::nullopt,
                                     input.first_reason + " (" + how_many + ")", input.first_line}
                                 .ToString());
  }
}

double MegabytesPerSecond(const vocabcount::CountStats& stats) {
  return stats.seconds > 0 ? static_cast<double>(stats.bytes) / 1e6 / stats.seconds : 0.0;
}

// One "name:   value" line of the text figures, values in one column.
void PrintFigure(const char* name, std::uint64_t value, const char* unit = "") {
  std::fprintf(stderr, "%-17s%llu%s\n", name, static_cast<unsigned long long>(value), unit);
}

void PrintStats(const vocabcount::CountStats& stats, bool jsonl) {
  // The vocabulary's entries are n-grams when counting them.
  const bool ngrams = !stats.ngrams_by_order.empty();
  std::fprintf(stderr,
               "inputs:          %llu\n"
               "bytes:           %llu\n"
               "%s%llu\n"
               "%s%llu\n"
               "threads:         %d\n"
               "seconds:         %.3f\n"
               "MB/s:            %.1f\n",
               static_cast<unsigned long long>(stats.inputs),
               static_cast<unsigned long long>(stats.bytes),
               ngrams ? "n-grams:         " : "tokens:          ",
               static_cast<unsigned long long>(stats.tokens),
               ngrams ? "distinct:        " : "distinct tokens: ",
               static_cast<unsigned long long>(stats.distinct_tokens), stats.threads, stats.seconds,
               MegabytesPerSecond(stats));
  for (const vocabcount::NgramOrderCount& order : stats.ngrams_by_order) {
    const std::string name = std::to_string(order.order) + "-grams:";
    PrintFigure(name.c_str(), order.ngrams);
  }
  if (stats.long_tokens > 0) PrintFigure("long tokens:", stats.long_tokens, " (not counted)");
  if (stats.compressed_inputs > 0) {
    // Of the inputs, those read decompressed, and the bytes read as stored.
    PrintFigure("compressed:", stats.compressed_inputs);
    PrintFigure("stored bytes:", stats.stored_bytes);
  }
  if (stats.memory_budget > 0) {
    PrintFigure("memory budget:", stats.memory_budget >> 20, " MiB");
    PrintFigure("peak tables:", stats.peak_table_bytes >> 20, " MiB");
    PrintFigure("partitions:", stats.partitions);
  }
  if (stats.spilled_runs > 0) {
    PrintFigure("spilled bytes:", stats.spilled_bytes);
    PrintFigure("spilled runs:", stats.spilled_runs);
    PrintFigure("merge passes:", stats.merge_passes);
  }
  if (jsonl) {
    PrintFigure("JSON lines:", stats.jsonl_lines);
    PrintFigure("bad JSON lines:", stats.jsonl_bad_lines);
  }
}

// The same figures and more, as one JSON object on one line, for programs.
void PrintStatsJson(const vocabcount::CountStats& stats) {
  const std::pair<const char*, std::uint64_t> counts[] = {
      {"inputs", stats.inputs},
      {"inputs_skipped", stats.inputs_skipped},
      {"compressed_inputs", stats.compressed_inputs},
      {"bytes", stats.bytes},
      {"stored_bytes", stats.stored_bytes},
      {"tokens", stats.tokens},
      {"distinct_tokens", stats.distinct_tokens},
      {"ill_formed_sequences", stats.ill_formed_sequences},
      {"long_tokens", stats.long_tokens},
      {"jsonl_lines", stats.jsonl_lines},
      {"jsonl_bad_lines", stats.jsonl_bad_lines},
      {"memory_budget", stats.memory_budget},
      {"peak_table_bytes", stats.peak_table_bytes},
      {"partitions", stats.partitions},
      {"spilled_bytes", stats.spilled_bytes},
      {"spilled_runs", stats.spilled_runs},
      {"merge_passes", stats.merge_passes},
  };
  std::string json = "{";
  for (const auto& [name, value] : counts) {
    json.append("\"").append(name).append("\":").append(std::to_string(value)).append(",");
  }
  if (!stats.ngrams_by_order.empty()) {
    // Orders as keys: {"2": 1234, "3": 1200}.
    json += "\"ngrams\":{";
    for (const vocabcount::NgramOrderCount& order : stats.ngrams_by_order) {
      json.append("\"").append(std::to_string(order.order)).append("\":");
      json.append(std::to_string(order.ngrams)).append(",");
    }
    json.back() = '}';
    json += ",";
  }
  char tail[128];
  std::snprintf(tail, sizeof tail, "\"threads\":%d,\"seconds\":%.6f,\"mb_per_second\":%.3f}\n",
                stats.threads, stats.seconds, MegabytesPerSecond(stats));
  json += tail;
  std::fputs(json.c_str(), stderr);
}

bool ShowsProgress(vocabcount::cli::ProgressMode mode) {
  switch (mode) {
    case vocabcount::cli::ProgressMode::kOn:
      return true;
    case vocabcount::cli::ProgressMode::kOff:
      return false;
    case vocabcount::cli::ProgressMode::kAuto:
      break;
  }
  return isatty(STDERR_FILENO) == 1;
}

// Opens -o's file. The termination signals wait between the temporary file's
// creation and the handler learning its name, so that a signal cannot leave
// it behind; a FIFO written in place waits for a reader, and a signal must be
// able to end that wait.
std::optional<Problem> OpenOutput(vocabcount::AtomicFile& file) {
  if (auto problem = file.Locate()) return problem;
  if (file.writes_in_place()) return file.Open();
  const vocabcount::cli::TerminationSignalsHeld held;  // no other thread runs yet
  if (auto problem = file.Open()) return problem;
  vocabcount::cli::RemoveOnTermination(file.temp_path());
  return std::nullopt;
}

// Tells the signal handler to leave the temporary file alone once Run()
// returns; declared before the file, so it acts after the file is removed.
struct ForgetTemporaryFile {
  ~ForgetTemporaryFile() { vocabcount::cli::ForgetOnTermination(); }
};

int Run(vocabcount::cli::CliOptions cli) {
  if (cli.files_from) {
    if (auto problem = vocabcount::ReadPathList(*cli.files_from, cli.files_from_nul, cli.paths)) {
      PrintError(problem->ToString());
      return kFailure;
    }
    const bool list_on_stdin = *cli.files_from == "-";
    if (list_on_stdin && std::find(cli.paths.begin(), cli.paths.end(), "-") != cli.paths.end()) {
      PrintError(
          "standard input holds the list of paths (--files-from -); it cannot be an input too");
      return kFailure;
    }
  }
  // Fail before counting when the output cannot be written at all.
  const ForgetTemporaryFile forget_temporary_file;  // after output_file is gone
  std::optional<vocabcount::AtomicFile> output_file;
  if (cli.output) {
    output_file.emplace(*cli.output);
    if (auto problem = OpenOutput(*output_file)) {
      PrintError(problem->ToString());
      return kFailure;
    }
  } else if (fcntl(STDOUT_FILENO, F_GETFD) < 0) {
    PrintError("standard output is closed");
    return kFailure;
  }
  const bool reads_stdin = std::find(cli.paths.begin(), cli.paths.end(), "-") != cli.paths.end();
  if (reads_stdin && fcntl(STDIN_FILENO, F_GETFD) < 0) {
    PrintError("standard input is closed");
    return kFailure;
  }

  std::optional<vocabcount::cli::ProgressLine> progress_line;
  if (ShowsProgress(cli.progress)) {
    progress_line.emplace(STDERR_FILENO);
    cli.count.progress = [&](const vocabcount::Progress& progress) {
      progress_line->Update(progress);
    };
  }
  const int fd = output_file ? output_file->fd() : STDOUT_FILENO;
  const std::string name = output_file ? output_file->path() : "standard output";
  // Entries go to the writer as they are made, in output order.
  vocabcount::VocabularyWriter writer(cli.write, fd, name);
  const auto write_entry = [&](std::string_view token, std::uint64_t count) {
    return writer.Add(token, count);
  };
  const CountReport report = cli.merge
                                 ? vocabcount::MergeVocabularies(cli.paths, cli.count, write_entry)
                                 : vocabcount::Count(cli.paths, cli.count, write_entry);
  progress_line.reset();  // erased before any message
  PrintDiagnostics(report, cli.count);
  if (!report.finished) return kFailure;  // output_file is removed unwritten

  for (const vocabcount::VocabularyEntry& entry : report.vocabulary) {
    if (!write_entry(entry.token, entry.count)) break;
  }
  const vocabcount::WriteResult written = writer.Finish();
  if (written.broken_pipe) return kSuccess;  // the reader has all it wanted
  if (written.problem) {
    PrintError(written.problem->ToString());
    return kFailure;
  }
  if (output_file) {
    if (auto problem = output_file->Commit()) {
      PrintError(problem->ToString());
      return kFailure;
    }
    vocabcount::cli::ForgetOnTermination();  // renamed: that name is the target now
  }
  if (cli.stats == vocabcount::cli::StatsFormat::kText) {
    PrintStats(report.stats, !cli.count.jsonl_field.empty());
  }
  if (cli.stats == vocabcount::cli::StatsFormat::kJson) PrintStatsJson(report.stats);
  return report.errors.empty() ? kSuccess : kFailure;
}

}  // namespace

int main(int argc, char** argv) {
  // First, so that even an early signal leaves no temporary file behind.
  vocabcount::cli::InstallTerminationHandler();
  // A closed pipe shows up as EPIPE from write(), which ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  // The library reports running out of memory while counting or merging;
  // this catches it anywhere else. Catching also unwinds the stack, which
  // removes the temporary output file (an uncaught exception aborts without).
  try {
    const vocabcount::cli::ParsedArgs parsed = vocabcount::cli::ParseArgs(
        argc, argv, [](const std::string& name) -> std::optional<std::string> {
          const char* value = std::getenv(name.c_str());
          if (value == nullptr) return std::nullopt;
          return std::string(value);
        });
    std::cout << parsed.stdout_text << std::flush;
    std::cerr << parsed.stderr_text;
    if (!parsed.options) return parsed.exit_status;
    return Run(*parsed.options);
  } catch (const std::bad_alloc&) {
    // Written without allocating: there may be no memory for a std::string.
    constexpr char kMessage[] = "vocabcount: out of memory\n";
    [[maybe_unused]] const ssize_t written = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    return kFailure;
  } catch (const std::exception& error) {
    PrintError(error.what());
    return kFailure;
  }
}
