// A plain UTF-8 decoder written from the Unicode Standard's table of
// well-formed byte sequences (Table 3-7), for the fuzzers' references: it
// shares no code with the library's scanners, simdjson's validator or ICU's
// macros, so a bug in those cannot hide in the reference too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vocabcount::fuzzing {

struct DecodedSequence {
  // The code point, or -1 for a maximal ill-formed subpart (what a decoder
  // following the Standard's recommended practice replaces with one U+FFFD).
  std::int32_t code_point = -1;
  std::size_t length = 1;  // bytes; never 0
};

// The sequence that starts at `text[at]` (at < text.size()).
inline DecodedSequence DecodeAt(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  // The continuation bytes a lead needs, and the range of the first one
  // (narrower than 80..BF after E0, ED, F0 and F4: no overlong forms, no
  // surrogates, nothing above U+10FFFF).
  std::size_t needed = 0;
  std::uint8_t first_low = 0x80, first_high = 0xBF;
  std::int32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    value = lead & 0x0F;
    if (lead == 0xE0) first_low = 0xA0;
    if (lead == 0xED) first_high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    value = lead & 0x07;
    if (lead == 0xF0) first_low = 0x90;
    if (lead == 0xF4) first_high = 0x8F;
  } else {
    return {-1, 1};  // 80..C1 and F5..FF never start a sequence
  }
  std::size_t length = 1;
  for (std::size_t k = 0; k < needed; ++k) {
    const std::size_t i = at + length;
    const std::uint8_t low = k == 0 ? first_low : 0x80;
    const std::uint8_t high = k == 0 ? first_high : 0xBF;
    if (i >= text.size() || byte(i) < low || byte(i) > high) return {-1, length};
    value = (value << 6) | (byte(i) & 0x3F);
    ++length;
  }
  return {value, length};
}

inline bool IsValidUtf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedSequence sequence = DecodeAt(text, at);
    if (sequence.code_point < 0) return false;
    at += sequence.length;
  }
  return true;
}

}  // namespace vocabcount::fuzzing
