// Text built to stress the kana/kanji segmenter: mostly kana and kanji of
// every kind it treats apart, mixed with what may stand next to them. Shared
// by the exactness test (choices from a random engine) and the dictionary
// fuzz target (choices from the fuzz input), so both explore the same pieces.
#pragma once

#include <string>

#include "support/text_pieces.h"

namespace vocabcount::testing {

// Appends one piece to `text`, every choice made by `choose`. About four
// pieces in five are kana or kanji: dictionary words, common and rare
// ideographs (BMP, Extension A, supplementary planes), compatibility
// ideographs and other characters NFKC changes, radicals, hiragana, katakana
// runs short and long (past the 20 that ICU's katakana rule stops at),
// halfwidth katakana, prolonged sound, iteration and voicing marks, small,
// squared and circled kana. The rest is what sits beside them: Latin letters,
// digits, fullwidth forms, punctuation, '_' and its relatives, spaces, line
// ends, emoji, Thai, Hangul, combining marks, format characters and
// ill-formed bytes. `with_breaks` as for PieceMenu::Append.
void AppendCjkPiece(Choose choose, bool with_breaks, std::string& text);

}  // namespace vocabcount::testing
