// Finding ill-formed UTF-8: each maximal ill-formed subpart counts once, the
// way a decoder would replace it with one U+FFFD.
#pragma once

#include <cstdint>
#include <string_view>

namespace vocabcount::internal {

struct Utf8Scan {
  std::uint64_t first_bad_offset = 0;  // meaningful when bad_sequences > 0
  std::uint64_t bad_sequences = 0;
};

Utf8Scan ScanUtf8(std::string_view text);

}  // namespace vocabcount::internal
