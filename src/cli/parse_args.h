// Command-line arguments to validated options; nothing here runs a count.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "vocabcount/options.h"
#include "vocabcount/write.h"

namespace vocabcount::cli {

enum class StatsFormat { kNone, kText, kJson };
enum class ProgressMode { kAuto, kOn, kOff };  // kAuto: when stderr is a terminal

struct CliOptions {
  Options count;
  WriteOptions write;
  // Never empty after parsing unless --files-from is given: "-" when no path
  // was given at all.
  std::vector<std::string> paths;
  // More paths, read from this file ("-": standard input) before counting.
  std::optional<std::string> files_from;
  bool files_from_nul = false;  // NUL-separated instead of one per line
  bool merge = false;           // inputs are vocabularies to sum
  std::optional<std::string> output;
  StatsFormat stats = StatsFormat::kNone;
  ProgressMode progress = ProgressMode::kAuto;
};

// Either options to run with, or a way to end now: --help and --version end
// with status 0 and text for stdout, a usage error with 2 and a message.
struct ParsedArgs {
  std::optional<CliOptions> options;
  int exit_status = 0;
  std::string stdout_text;
  std::string stderr_text;
};

// `environment` looks up environment variables (SLURM_ARRAY_TASK_ID... for
// --shard auto); tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
ParsedArgs ParseArgs(int argc, const char* const* argv, const Environment& environment);

}  // namespace vocabcount::cli
