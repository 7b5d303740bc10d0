// The pre-tokenizer patterns run by a small, slow backtracking regex engine:
// the reference that the hand-written matchers (tokenize/pretokenize.h) are
// compared with by the piece tests and the pieces fuzz target.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tokenize/pretokenize.h"

namespace vocabcount::testing {

// What Python's regex.findall(pattern, text) returns, as the bytes of `text`
// between the match boundaries. The text is decoded with ICU's U8_NEXT, each
// ill-formed sequence (maximal subpart) as one U+FFFD, and every class is
// asked of ICU directly (general category, White_Space), sharing nothing
// with the library's matchers or its class tables.
std::vector<std::string> ReferencePieces(internal::PiecePattern pattern, std::string_view text);

}  // namespace vocabcount::testing
