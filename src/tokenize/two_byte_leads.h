// What the lead byte of a two-byte UTF-8 sequence says about the character it
// starts, so the fast word scanners can pass over common non-ASCII text
// (Cyrillic, accented Latin) without decoding each character.
#pragma once

#include <array>
#include <cstdint>

namespace vocabcount::internal {

struct TwoByteLeads {
  // Lead bytes 0xC2..0xDF whose 64 code points are all neither kComplex nor
  // kExtend, as ranges [first, last]: text made of ASCII, continuation bytes
  // and these leads never needs ICU. Unused ranges are empty (first > last).
  static constexpr int kMaxRanges = 4;
  struct Range {
    std::uint8_t first = 1;
    std::uint8_t last = 0;
  };
  std::array<Range, kMaxRanges> no_icu;

  // Indexed by byte: whether every code point the lead byte starts is a
  // kLetter, so a well-formed sequence with it is a letter.
  std::array<bool, 256> all_letters{};
};

// Computed once from the word classes, so it follows the ICU version in use.
const TwoByteLeads& TwoByteLeadTable();

}  // namespace vocabcount::internal
