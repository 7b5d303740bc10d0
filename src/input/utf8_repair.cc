// Replacing ill-formed UTF-8 with ICU's decoder macros, which find the same
// maximal subparts as ScanUtf8 counts and Python's decoder replaces.
#include "input/utf8_repair.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace vocabcount::internal {

void RepairedUtf8::Repair(std::string_view text) {
  text_.clear();
  replacements_.clear();
  text_.reserve(text.size() + 16);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  std::int64_t copied_to = 0;
  for (std::int64_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) continue;
    text_.append(text.data() + copied_to, static_cast<std::size_t>(start - copied_to));
    replacements_.push_back({text_.size(), static_cast<std::uint64_t>(start),
                             static_cast<std::uint64_t>(i - start)});
    text_ += "\xEF\xBF\xBD";
    copied_to = i;
  }
  text_.append(text.data() + copied_to, static_cast<std::size_t>(length - copied_to));
}

std::uint64_t RepairedUtf8::OriginalOffset(std::uint64_t offset) const {
  // The last replacement that starts at or before `offset`.
  auto after = std::upper_bound(
      replacements_.begin(), replacements_.end(), offset,
      [](std::uint64_t value, const Replacement& r) { return value < r.repaired; });
  if (after == replacements_.begin()) return offset;
  const Replacement& r = *(after - 1);
  if (offset < r.repaired + 3) return r.original;
  return offset - (r.repaired + 3) + r.original + r.bytes;
}

}  // namespace vocabcount::internal
