// Finding ill-formed UTF-8: each maximal ill-formed subpart counts once, the
// way a decoder would replace it with one U+FFFD.
#pragma once

#include <cstdint>
#include <cstddef>
#include <string_view>

#include "absl/functional/function_ref.h"

namespace vocabcount::internal {

struct Utf8Scan {
  std::uint64_t first_bad_offset = 0;  // meaningful when bad_sequences > 0
  std::uint64_t bad_sequences = 0;
};

Utf8Scan ScanUtf8(std::string_view text);

// Calls `on_ill_formed(start, end)` with the byte offsets of each maximal
// ill-formed subpart of `text`, in order: the sequences ScanUtf8 counts, and
// a decoder replaces with one U+FFFD each.
void ForEachIllFormed(std::string_view text,
                      absl::FunctionRef<void(std::size_t start, std::size_t end)> on_ill_formed);

}  // namespace vocabcount::internal
