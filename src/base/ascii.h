// Word-at-a-time ASCII checks shared by the scanners: most text is ASCII, and
// eight bytes can be checked for it at once.
#pragma once

#include <cstdint>
#include <cstring>

namespace vocabcount::internal {

// Whether the eight bytes at `p` are all ASCII (below 0x80).
inline bool EightBytesAreAscii(const std::uint8_t* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace vocabcount::internal
