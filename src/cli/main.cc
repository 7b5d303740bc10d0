// The vocabcount command: parse arguments, make one library call, write the
// result, and map the outcome to an exit status.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
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

// Errors, then warnings, as the library words them.
void PrintDiagnostics(const CountReport& report) {
  for (const Problem& error : report.errors) PrintError(error.ToString());
  for (const vocabcount::Warning& warning : report.warnings) {
    PrintError("warning: " + warning.ToString());
  }
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
    cli.settings.count.progress = [&](const vocabcount::Progress& progress) {
      progress_line->Update(progress);
    };
  }
  const int fd = output_file ? output_file->fd() : STDOUT_FILENO;
  const std::string name = output_file ? output_file->path() : "standard output";
  // Entries go to the writer as they are made, in output order.
  vocabcount::VocabularyWriter writer(cli.settings.write, fd, name);
  const auto write_entry = [&](std::string_view token, std::uint64_t count) {
    return writer.Add(token, count);
  };
  const vocabcount::Options& options = cli.settings.count;
  const CountReport report = cli.settings.kind == vocabcount::RunKind::kMerge
                                 ? vocabcount::MergeVocabularies(cli.paths, options, write_entry)
                                 : vocabcount::Count(cli.paths, options, write_entry);
  progress_line.reset();  // erased before any message
  PrintDiagnostics(report);
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
  if (cli.stats) std::cerr << vocabcount::FormatStats(report.stats, *cli.stats);
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
    const vocabcount::cli::ParsedArgs parsed =
        vocabcount::cli::ParseArgs(argc, argv, vocabcount::ProcessEnvironment());
    std::cout << parsed.stdout_text << std::flush;
    std::cerr << parsed.stderr_text;
    if (!parsed.options) return parsed.exit_status;
    for (const std::string& warning : parsed.warnings) PrintError("warning: " + warning);
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
