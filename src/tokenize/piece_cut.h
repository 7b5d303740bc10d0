// Where a text may be cut into work units without changing its pieces under
// any of the pre-tokenizer patterns (gpt2, cl100k, o200k).
#pragma once

#include <cstddef>
#include <string_view>

#include "input/safe_cut.h"
#include "tokenize/pretokenize.h"

namespace vocabcount::internal {

// Whether cutting `text` at byte p (0 < p < text.size()) leaves every piece
// whole, in every pattern: a piece ends at p, the pieces before p are the
// same whether the text goes on or ends there, and those after are the same
// whether it starts there or not. The patterns look neither behind nor,
// but for the greedy runs and (?!\S), ahead; so it is enough that the
// piece before p cannot take the character at p, and that every test a
// match starting before p makes at p fails there as it fails at the end of
// the text. With X the character before p and Y the one at p, p qualifies
// when
//   1. X is not white space and Y is white space other than CR and LF: no
//      pattern joins white space after anything else ([\r\n]* and [\r\n/]*
//      take only line ends), and no run that holds X takes white space;
//   2. X is a letter or number and Y is CR or LF: only punctuation runs
//      take line ends after them;
//   3. X is CR or LF, the character before it is not white space, and Y is
//      neither white space nor '/': X is a piece of its own or the end of
//      a punctuation run's line ends, which stop at Y as at the end (Y
//      is not a line end, nor o200k's '/'), and (?!\S) after it is decided
//      by the one-character \s+ that follows whichever way;
//   4. X is a letter and Y a number or the other way round, or X is a letter
//      or number and Y punctuation other than a mark or an apostrophe, or X
//      is punctuation other than a mark and Y a number: the runs of X's class
//      stop at Y, no optional part after them takes Y (o200k's contractions
//      start with an apostrophe, its letter runs take marks), and what
//      comes first in a piece (a space, or one character before letters)
//      starts the piece at p.
// X must be well formed and p must not be a continuation byte, so that
// decoding either side of the cut gives the characters the whole text has
// (an ill-formed sequence at p reads as U+FFFD, punctuation, either way).
bool IsSafePieceCut(std::string_view text, std::size_t p);

// The cut rule of `pattern` for the chunk reader. A loose cut is a safe cut:
// nothing weaker holds for pieces, which take spaces and line ends. Where a
// stretch has neither (a megabyte of digits, which cl100k and o200k take
// three at a time), the reader cuts at the last end of a piece matched from
// the stretch's start, so the pieces stay exact.
CutRule PieceCutRule(PiecePattern pattern);

}  // namespace vocabcount::internal
