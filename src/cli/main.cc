// The vocabcount command: parse arguments, make one library call, write the
// result, and map the outcome to an exit status.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "parse_args.h"
#include "vocabcount/vocabcount.h"

namespace {

using vocabcount::CountReport;
using vocabcount::Problem;

constexpr int kSuccess = 0;
constexpr int kFailure = 1;

void PrintError(const std::string& message) { std::cerr << "vocabcount: " << message << '\n'; }

void PrintDiagnostics(const CountReport& report) {
  for (const Problem& error : report.errors) PrintError(error.ToString());
  for (const vocabcount::IllFormedInput& input : report.ill_formed) {
    const bool one = input.sequences == 1;
    PrintError("warning: " +
               Problem{input.path, input.first_offset,
                       std::to_string(input.sequences) + " ill-formed UTF-8 sequence" +
                           (one ? "" : "s") + " (the first at byte " +
                           std::to_string(input.first_offset) + ") " + (one ? "separates" : "separate") +
                           " tokens and " + (one ? "is" : "are") + " not counted"}
                   .ToString());
  }
}

void PrintStats(const vocabcount::CountStats& stats) {
  const double megabytes_per_second =
      stats.seconds > 0 ? static_cast<double>(stats.bytes) / 1e6 / stats.seconds : 0.0;
  std::fprintf(stderr,
               "inputs:          %llu\n"
               "bytes:           %llu\n"
               "tokens:          %llu\n"
               "distinct tokens: %llu\n"
               "threads:         %d\n"
               "seconds:         %.3f\n"
               "MB/s:            %.1f\n",
               static_cast<unsigned long long>(stats.inputs),
               static_cast<unsigned long long>(stats.bytes),
               static_cast<unsigned long long>(stats.tokens),
               static_cast<unsigned long long>(stats.distinct_tokens), stats.threads, stats.seconds,
               megabytes_per_second);
}

int Run(const vocabcount::cli::CliOptions& cli) {
  // Fail before counting when the output cannot be written at all.
  std::optional<vocabcount::AtomicFile> output_file;
  if (cli.output) {
    output_file.emplace(*cli.output);
    if (auto problem = output_file->Open()) {
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

  const CountReport report = vocabcount::Count(cli.paths, cli.count);
  PrintDiagnostics(report);
  if (!report.finished) return kFailure;  // output_file is removed unwritten

  const int fd = output_file ? output_file->fd() : STDOUT_FILENO;
  const std::string name = output_file ? output_file->path() : "standard output";
  const vocabcount::WriteResult written = vocabcount::WriteTsv(report.vocabulary, cli.write, fd, name);
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
  }
  if (cli.stats != vocabcount::cli::StatsFormat::kNone) PrintStats(report.stats);
  return report.errors.empty() ? kSuccess : kFailure;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe shows up as EPIPE from write(), which ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
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
}
