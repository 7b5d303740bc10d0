// Command-line arguments to validated settings; nothing here runs a count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vocabcount/settings.h"
#include "vocabcount/stats.h"

namespace vocabcount::cli {

enum class ProgressMode { kAuto, kOn, kOff };  // kAuto: when stderr is a terminal

// The library's settings, and what only the command does with a run: where
// the paths and the output come from and go, and what it shows on stderr.
struct CliOptions {
  Settings settings;
  // Never empty after parsing unless --files-from is given: "-" when no path
  // was given at all.
  std::vector<std::string> paths;
  // More paths, read from this file ("-": standard input) before counting.
  std::optional<std::string> files_from;
  bool files_from_nul = false;  // NUL-separated instead of one per line
  std::optional<std::string> output;  // none: standard output (also for "-o -")
  std::optional<StatsFormat> stats;
  ProgressMode progress = ProgressMode::kAuto;
};

// Either options to run with, or a way to end now: --help and --version end
// with status 0 and text for stdout, a usage error with 2 and its messages.
struct ParsedArgs {
  std::optional<CliOptions> options;
  int exit_status = 0;
  std::string stdout_text;
  std::string stderr_text;
  // With options: what OptionWarnings says of them, for main to print as
  // warnings before the run.
  std::vector<std::string> warnings;
};

// `environment` looks up environment variables (SLURM_ARRAY_TASK_ID... for
// --shard auto); tests pass their own.
ParsedArgs ParseArgs(int argc, const char* const* argv, const Environment& environment);

}  // namespace vocabcount::cli
