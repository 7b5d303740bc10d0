// An input to read, and turning the paths a user named into the list of them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/count.h"
#include "vocabcount/documents.h"
#include "vocabcount/options.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

struct Input {
  enum class Kind { kPath, kStdin, kMemory, kDocuments };
  Kind kind = Kind::kPath;
  std::string path;         // as shown in messages ("-" for stdin)
  std::string_view memory;  // the text, for kMemory
  // Bytes expected, when known in advance (regular files, memory); streams
  // such as stdin and FIFOs have none.
  std::optional<std::uint64_t> expected_bytes;
  // For kDocuments: where the batches come from, and the first ones, taken
  // from it before the run to learn its size.
  const DocumentSource* documents = nullptr;
  std::vector<std::shared_ptr<const DocumentBatch>> taken;
};

struct ResolvedInputs {
  std::vector<Input> inputs;
  std::vector<Problem> errors;  // paths that do not exist or cannot be walked
  // Directories named whose walk found no file to read (and no error), in
  // the order named: a run over them is empty, most likely by mistake.
  std::vector<Warning> warnings;
};

// "-" is stdin; a directory stands for the regular files below it, in sorted
// order; anything else (a file, a FIFO, a device) is read as it is. Symbolic
// links named by the user are followed; those met in a walk only when
// options.follow_symlinks is set, and then each directory is entered once, so
// a link loop ends. options.include and options.exclude filter what a walk
// finds: a pattern without '/' is matched against the file's name, one with
// '/' against its path below the directory named; a directory whose name
// matches an exclude pattern is not entered. A directory whose walk finds no
// file to read gets a warning saying why: it holds none, or which filter
// left out what it holds.
ResolvedInputs ResolveInputs(const std::vector<std::string>& paths, const Options& options);

}  // namespace vocabcount::internal
