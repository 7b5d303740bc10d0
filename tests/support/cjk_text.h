// Text built to stress the kana/kanji segmenter: mostly kana and kanji of
// every kind it treats apart, mixed with what may stand next to them. Shared
// by the exactness test (choices from a random engine) and the CJK fuzz
// target (choices from the fuzz input), so both explore the same pieces.
#pragma once

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"

namespace vocabcount::testing {

// Returns a number below `bound` (bound >= 1).
using Choose = absl::FunctionRef<std::uint32_t(std::uint32_t bound)>;

// Appends one piece to `text`, every choice made by `choose`. About four
// pieces in five are kana or kanji: dictionary words, common and rare
// ideographs (BMP, Extension A, supplementary planes), compatibility
// ideographs and other characters NFKC changes, radicals, hiragana, katakana
// runs short and long (past the 20 that ICU's katakana rule stops at),
// halfwidth katakana, prolonged sound, iteration and voicing marks, small,
// squared and circled kana. The rest is what sits beside them: Latin letters,
// digits, fullwidth forms, punctuation, '_' and its relatives, spaces, line
// ends, emoji, Thai, Hangul, combining marks, format characters and
// ill-formed bytes. With `with_breaks` false, pieces holding an ASCII space or
// control byte (line ends and tabs among them) are left out, so that text
// made of them has no safe or loose cut (input/safe_cut.h) anywhere.
void AppendCjkPiece(Choose choose, bool with_breaks, std::string& text);

}  // namespace vocabcount::testing
