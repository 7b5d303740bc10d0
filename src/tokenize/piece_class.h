// The character classes the pre-tokenizer patterns (gpt2, cl100k, o200k) test,
// from ICU's general categories and White_Space, and decoding one character
// of UTF-8 into its class.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vocabcount::internal {

// One class per code point: the pattern classes \p{L} (split by letter
// category, which o200k tells apart), \p{N}, \p{M}, and \s, which Python's
// regex module defines as White_Space, split into line ends (CR, LF: the
// patterns name them) and the rest. Everything else (punctuation, symbols,
// controls other than White_Space, unassigned code points, U+FFFD) is kOther.
enum class PieceClass : std::uint8_t {
  kUpper,     // Lu
  kLower,     // Ll
  kTitle,     // Lt
  kModifier,  // Lm
  kLetter,    // Lo
  kNumber,    // Nd, Nl, No
  kMark,      // Mn, Mc, Me
  kLineEnd,   // CR, LF
  kSpace,     // White_Space other than CR and LF
  kOther,
};

// Sets of classes as bit masks, so that a run test is one AND.
using ClassSet = std::uint16_t;
constexpr ClassSet Set(PieceClass c) { return ClassSet{1} << static_cast<int>(c); }
constexpr ClassSet kLetters = Set(PieceClass::kUpper) | Set(PieceClass::kLower) |
                              Set(PieceClass::kTitle) | Set(PieceClass::kModifier) |
                              Set(PieceClass::kLetter);
constexpr ClassSet kNumbers = Set(PieceClass::kNumber);
constexpr ClassSet kWhite = Set(PieceClass::kLineEnd) | Set(PieceClass::kSpace);
// [^\s\p{L}\p{N}]: punctuation, symbols, marks and the rest.
constexpr ClassSet kPunctuation = Set(PieceClass::kMark) | Set(PieceClass::kOther);
// o200k's [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] and [\p{Ll}\p{Lm}\p{Lo}\p{M}].
constexpr ClassSet kUpperish = Set(PieceClass::kUpper) | Set(PieceClass::kTitle) |
                               Set(PieceClass::kModifier) | Set(PieceClass::kLetter) |
                               Set(PieceClass::kMark);
constexpr ClassSet kLowerish = Set(PieceClass::kLower) | Set(PieceClass::kModifier) |
                               Set(PieceClass::kLetter) | Set(PieceClass::kMark);
// [^\r\n\p{L}\p{N}]: what may stand before the letters of a cl100k or o200k piece.
constexpr ClassSet kLetterPrefix = Set(PieceClass::kSpace) | kPunctuation;

inline bool In(PieceClass c, ClassSet set) { return (Set(c) & set) != 0; }

// The class of any code point; built from ICU once, on first use, for the
// Basic Multilingual Plane, and asked of ICU for the rest.
PieceClass PieceClassOf(std::uint32_t code_point);

// One decoded character.
struct PieceChar {
  PieceClass cls;
  std::uint32_t code;  // U+FFFD for an ill-formed sequence
  std::size_t end;     // byte offset just after it
};

// ASCII by hand, so that the hot path reads no lazily built table: letters,
// digits, TAB VT FF SP as spaces, CR LF as line ends; the rest is kOther.
// The pre-tokenizer tests check it against ICU.
inline constexpr std::array<PieceClass, 128> kAsciiPieceClass = [] {
  std::array<PieceClass, 128> table{};
  for (int c = 0; c < 128; ++c) {
    PieceClass cls = PieceClass::kOther;
    if (c >= 'A' && c <= 'Z') cls = PieceClass::kUpper;
    if (c >= 'a' && c <= 'z') cls = PieceClass::kLower;
    if (c >= '0' && c <= '9') cls = PieceClass::kNumber;
    if (c == '\t' || c == '\v' || c == '\f' || c == ' ') cls = PieceClass::kSpace;
    if (c == '\r' || c == '\n') cls = PieceClass::kLineEnd;
    table[c] = cls;
  }
  return table;
}();

// The character starting at byte i < text.size(). An ill-formed sequence
// (its maximal subpart) reads as U+FFFD, class kOther.
PieceChar DecodeNonAscii(std::string_view text, std::size_t i);
inline PieceChar DecodePieceChar(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) return {.cls = kAsciiPieceClass[byte], .code = byte, .end = i + 1};
  return DecodeNonAscii(text, i);
}

}  // namespace vocabcount::internal
