// Text built to stress the Thai segmenter: mostly Thai words, glued runs,
// letter and mark soup, PAIYANNOI and MAIYAMOK, mixed with what may stand
// next to a run. Shared by the Thai exactness test (choices from a random
// engine) and the dictionary fuzz target (choices from the fuzz input).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/text_pieces.h"

namespace vocabcount::testing {

// Appends one piece to `text`, every choice made by `choose`. About three
// pieces in four are Thai: dictionary words alone, in phrases and glued into
// runs of 2 to 40 words (up to some 200 characters), very short runs around
// the engine's four-character minimum, random consonants and leading
// vowels, random letters and marks, combining marks alone (so they start
// runs, double up or follow other scripts), PAIYANNOI and MAIYAMOK alone,
// doubled and after words (ฯลฯ, ไทยๆ), rare letters and marks, and the Thai
// characters outside the engine's set (digits, ๏ ๚ ๛ ฿). The rest is what
// sits beside them: spaces, line ends, ASCII punctuation, Latin letters and
// digits, '_', apostrophes and periods, ZWJ, ZWNJ, ZWSP and other format
// characters, emoji, kana and kanji, Hangul, Lao and Khmer, combining marks
// of other scripts, unassigned code points of the Thai block and ill-formed
// bytes. `with_breaks` as for PieceMenu::Append.
void AppendThaiPiece(Choose choose, bool with_breaks, std::string& text);

// Common Thai words that ICU's Thai dictionary holds, for tests that build
// runs from real words.
const std::vector<std::string_view>& ThaiWords();

}  // namespace vocabcount::testing
