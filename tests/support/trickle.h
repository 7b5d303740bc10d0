// A read function over a string that hands out a few bytes per call, like a
// pipe delivering small writes: for tests of readers.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "input/chunk_reader.h"

namespace vocabcount::testing {

// Reads `text` (which must outlive the function) at most `step` bytes a call.
inline internal::ChunkReader::ReadFunction Trickle(const std::string& text, std::size_t step) {
  return [&text, step, at = std::size_t{0}](char* buffer, std::size_t size) mutable {
    const std::size_t n = std::min({size, step, text.size() - at});
    std::memcpy(buffer, text.data() + at, n);
    at += n;
    return static_cast<ssize_t>(n);
  };
}

}  // namespace vocabcount::testing
