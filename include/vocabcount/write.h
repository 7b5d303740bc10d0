// Writing a vocabulary as TSV, to a file descriptor or atomically to a file.
#pragma once

#include <optional>
#include <string>

#include "vocabcount/problem.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount {

enum class OutputFormat {
  kTsv,    // "token<TAB>count" lines
  kGlove,  // "token count" lines, as GloVe's vocab_count writes them
  kJson,   // one object {"token": count, ...}, keys in output order
};

struct WriteOptions {
  bool header = false;  // a first line "token<TAB>count" (TSV only)
  OutputFormat format = OutputFormat::kTsv;
};

// "token<TAB>count\n" lines. Returns a problem naming `display_name` on
// failure; a reader that went away (EPIPE) is reported as broken_pipe.
struct WriteResult {
  std::optional<Problem> problem;
  bool broken_pipe = false;
  bool ok() const { return !problem && !broken_pipe; }
};
WriteResult WriteTsv(const Vocabulary& vocabulary, const WriteOptions& options,
                     int fd, const std::string& display_name);

// Renders the TSV into a string (for tests and small vocabularies).
std::string FormatTsv(const Vocabulary& vocabulary, const WriteOptions& options);

}  // namespace vocabcount
