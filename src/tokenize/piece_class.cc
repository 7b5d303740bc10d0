// The pre-tokenizer classes from ICU's character properties: general category
// and White_Space, the properties Python's regex module tests for \p{L},
// \p{N}, \p{M} and \s.
#include "tokenize/piece_class.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace vocabcount::internal {
namespace {

PieceClass FromIcu(UChar32 c) {
  if (c == '\r' || c == '\n') return PieceClass::kLineEnd;
  if (u_isUWhiteSpace(c)) return PieceClass::kSpace;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: return PieceClass::kUpper;
    case U_LOWERCASE_LETTER: return PieceClass::kLower;
    case U_TITLECASE_LETTER: return PieceClass::kTitle;
    case U_MODIFIER_LETTER: return PieceClass::kModifier;
    case U_OTHER_LETTER: return PieceClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: return PieceClass::kNumber;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: return PieceClass::kMark;
    default: return PieceClass::kOther;
  }
}

// The Basic Multilingual Plane, 64 KiB, filled once; ICU answers in well
// under a millisecond for all of it.
const std::array<PieceClass, 0x10000>& BmpClasses() {
  static const auto* table = [] {
    auto* classes = new std::array<PieceClass, 0x10000>;
    for (UChar32 c = 0; c < 0x10000; ++c) (*classes)[c] = FromIcu(c);
    return classes;
  }();
  return *table;
}

}  // namespace

PieceClass PieceClassOf(std::uint32_t code_point) {
  if (code_point < 0x10000) return BmpClasses()[code_point];
  if (code_point > 0x10FFFF) return PieceClass::kOther;
  return FromIcu(static_cast<UChar32>(code_point));
}

PieceChar DecodeNonAscii(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  auto at = static_cast<std::int64_t>(i);
  UChar32 c;
  U8_NEXT(bytes, at, length, c);
  const std::size_t end = static_cast<std::size_t>(at);
  if (c < 0) return {.cls = PieceClass::kOther, .code = 0xFFFD, .end = end};
  return {.cls = PieceClassOf(static_cast<std::uint32_t>(c)),
          .code = static_cast<std::uint32_t>(c),
          .end = end};
}

}  // namespace vocabcount::internal
