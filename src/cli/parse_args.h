// Command-line arguments to validated options; nothing here runs a count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vocabcount/options.h"
#include "vocabcount/write.h"

namespace vocabcount::cli {

struct CliOptions {
  Options count;
  WriteOptions write;
  std::vector<std::string> paths;  // never empty: "-" when none were given
  std::optional<std::string> output;
  bool stats = false;
};

// Either options to run with, or a way to end now: --help and --version end
// with status 0 and text for stdout, a usage error with 2 and a message.
struct ParsedArgs {
  std::optional<CliOptions> options;
  int exit_status = 0;
  std::string stdout_text;
  std::string stderr_text;
};

ParsedArgs ParseArgs(int argc, const char* const* argv);

}  // namespace vocabcount::cli
