// Replacing ill-formed UTF-8: the maximal subparts ScanUtf8 counts, which are
// those Python's decoder replaces.
#include "input/utf8_repair.h"

#include <algorithm>

#include "input/utf8_scan.h"

namespace vocabcount::internal {

void RepairedUtf8::Repair(std::string_view text) {
  text_.clear();
  replacements_.clear();
  text_.reserve(text.size() + 16);
  std::size_t copied_to = 0;
  ForEachIllFormed(text, [&](std::size_t start, std::size_t end) {
    text_.append(text.substr(copied_to, start - copied_to));
    replacements_.push_back(
        {.repaired = text_.size(), .original = start, .bytes = end - start});
    text_ += "\xEF\xBF\xBD";
    copied_to = end;
  });
  text_.append(text.substr(copied_to));
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

std::uint64_t RepairedUtf8::RepairedOffset(std::uint64_t offset) const {
  // The last replacement that starts before `offset`.
  auto after = std::upper_bound(
      replacements_.begin(), replacements_.end(), offset,
      [](std::uint64_t value, const Replacement& r) { return value <= r.original; });
  if (after == replacements_.begin()) return offset;
  const Replacement& r = *(after - 1);
  return offset - (r.original + r.bytes) + r.repaired + 3;
}

}  // namespace vocabcount::internal
