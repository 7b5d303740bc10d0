// A problem with one input or output, as a value: which path, where in it, what.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vocabcount {

struct Problem {
  std::string path;                         // as the user named it; "-" is stdin
  std::optional<std::uint64_t> byte_offset;  // where in the input, when it matters
  std::string what;
  // The line (1-based), for inputs read as lines (JSON Lines, vocabularies).
  std::optional<std::uint64_t> line = std::nullopt;
  // The errno of the system call that failed (ENOENT, EACCES...), or 0 when
  // the problem is not one (corrupt data, a malformed line): front ends map
  // it to their own errors, such as Python's FileNotFoundError.
  int error_number = 0;

  // "path: what", "path:offset: what" or "path: line N: what"; stdin is
  // shown as "<stdin>".
  std::string ToString() const;
};

}  // namespace vocabcount
