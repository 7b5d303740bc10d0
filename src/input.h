// Turning the paths a user named into the list of inputs to read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/problem.h"

namespace vocabcount::internal {

struct Input {
  enum class Kind { kPath, kStdin, kMemory };
  Kind kind = Kind::kPath;
  std::string path;         // as shown in messages ("-" for stdin)
  std::string_view memory;  // the text, for kMemory
  // Bytes expected, when known in advance (regular files, memory); streams
  // such as stdin and FIFOs have none.
  std::optional<std::uint64_t> expected_bytes;
};

struct ResolvedInputs {
  std::vector<Input> inputs;
  std::vector<Problem> errors;  // paths that do not exist or cannot be walked
};

// "-" is stdin; a directory stands for the regular files below it, in sorted
// order; anything else (a file, a FIFO, a device) is read as it is. Symbolic
// links named by the user are followed; those met in a walk only when
// `follow_symlinks` is set, and then each directory is entered once, so a link
// loop ends.
ResolvedInputs ResolveInputs(const std::vector<std::string>& paths, bool follow_symlinks);

}  // namespace vocabcount::internal
