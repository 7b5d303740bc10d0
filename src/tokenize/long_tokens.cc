// Adding up the long tokens of an input from its units.
#include "tokenize/long_tokens.h"

#include <algorithm>

namespace vocabcount::internal {

void InputLongTokens::NoteStart(std::uint64_t offset) {
  first_offset_ = std::min(first_offset_.value_or(offset), offset);
}

void InputLongTokens::Add(const UnitLongTokens& unit, std::uint64_t unit_offset,
                          std::uint64_t unit_bytes) {
  if (unit.tokens > 0) {
    tokens_ += unit.tokens;
    NoteStart(unit_offset + unit.first_offset);
  }
  if (unit.forced_start) forced_cuts_[unit_offset].reached_after = unit.reaches_start;
  if (unit.forced_end) forced_cuts_[unit_offset + unit_bytes];
  if (unit.reaches_end) {
    ForcedCut& cut = forced_cuts_[unit_offset + unit_bytes];
    cut.reached_before = true;
    cut.continues = unit.spans_unit;
    cut.token_start = unit_offset + unit.end_token_offset;
  }
}

std::uint64_t InputLongTokens::tokens() const {
  std::uint64_t tokens = tokens_;
  for (const auto& [offset, cut] : forced_cuts_) {
    if ((cut.reached_before || cut.reached_after) && !cut.continues) ++tokens;
  }
  return tokens;
}

std::uint64_t InputLongTokens::first_offset() const {
  std::uint64_t first = first_offset_.value_or(UINT64_MAX);
  for (const auto& [offset, cut] : forced_cuts_) {
    // A piece that continues one started before does not start a token.
    if (cut.continues) continue;
    if (cut.reached_before) first = std::min(first, cut.token_start);
    if (cut.reached_after) first = std::min(first, offset);
  }
  return first;
}

}  // namespace vocabcount::internal
