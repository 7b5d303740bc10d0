// The cut rule of the pre-tokenizer patterns, over the piece classes.
#include "tokenize/piece_cut.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <optional>

#include "tokenize/piece_class.h"

namespace vocabcount::internal {
namespace {

// The well-formed character that ends just before byte `end`, or nullopt.
// A lead byte never continues another sequence, so a well-formed sequence
// found backwards is the one a forward decoder finds.
std::optional<PieceChar> CharBefore(std::string_view text, std::size_t end) {
  if (end == 0) return std::nullopt;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto last = bytes[end - 1];
  if (last < 0x80) return PieceChar{.cls = kAsciiPieceClass[last], .code = last, .end = end};
  const std::int32_t floor = end > 4 ? static_cast<std::int32_t>(end - 4) : 0;
  std::int32_t at = static_cast<std::int32_t>(end);
  UChar32 c;
  U8_PREV(bytes, floor, at, c);
  if (c < 0) return std::nullopt;
  return PieceChar{.cls = PieceClassOf(static_cast<std::uint32_t>(c)),
                   .code = static_cast<std::uint32_t>(c),
                   .end = end};
}

constexpr ClassSet kLettersOrNumbers = kLetters | kNumbers;

template <PiecePattern pattern>
std::size_t LastPieceEnd(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t last = from;
  for (std::size_t start = from; start < text.size();) {
    const std::size_t end = PieceEnd(pattern, text, start);
    if (end > to) break;
    last = start = end;
  }
  return last;
}

}  // namespace

bool IsSafePieceCut(std::string_view text, std::size_t p) {
  if (p == 0 || p >= text.size()) return false;
  // A continuation byte at p would split a sequence, or an ill-formed one.
  const auto lead = static_cast<unsigned char>(text[p]);
  if ((lead & 0xC0) == 0x80) return false;
  // The character at p must be all there: the reader asks about the end of
  // what it has read so far, where a sequence cut short reads as U+FFFD.
  if (p + 1 + U8_COUNT_TRAIL_BYTES(lead) > text.size()) return false;
  const std::optional<PieceChar> before = CharBefore(text, p);
  if (!before) return false;
  const PieceChar at = DecodePieceChar(text, p);
  const PieceClass x = before->cls, y = at.cls;
  // 1.
  if (!In(x, kWhite) && y == PieceClass::kSpace) return true;
  // 2.
  if (In(x, kLettersOrNumbers) && y == PieceClass::kLineEnd) return true;
  // 3.
  if (x == PieceClass::kLineEnd) {
    if (In(y, kWhite) || at.code == '/' || p < 2) return false;
    const std::optional<PieceChar> earlier = CharBefore(text, p - 1);
    return earlier && !In(earlier->cls, kWhite);
  }
  // 4.
  const bool y_plain_punctuation = y == PieceClass::kOther && at.code != '\'';
  if (In(x, kLetters)) return y == PieceClass::kNumber || y_plain_punctuation;
  if (x == PieceClass::kNumber) return In(y, kLetters) || y_plain_punctuation;
  if (x == PieceClass::kOther) return y == PieceClass::kNumber;
  return false;
}

CutRule PieceCutRule(PiecePattern pattern) {
  switch (pattern) {
    case PiecePattern::kGpt2:
      return {.is_safe = IsSafePieceCut,
              .is_loose = IsSafePieceCut,
              .last_token_end = LastPieceEnd<PiecePattern::kGpt2>};
    case PiecePattern::kCl100k:
      return {.is_safe = IsSafePieceCut,
              .is_loose = IsSafePieceCut,
              .last_token_end = LastPieceEnd<PiecePattern::kCl100k>};
    case PiecePattern::kO200k:
      return {.is_safe = IsSafePieceCut,
              .is_loose = IsSafePieceCut,
              .last_token_end = LastPieceEnd<PiecePattern::kO200k>};
  }
  return {.is_safe = IsSafePieceCut, .is_loose = IsSafePieceCut};
}

}  // namespace vocabcount::internal
