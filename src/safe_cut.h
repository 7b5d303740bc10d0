// Where a text may be cut into independent work units without changing its
// tokens in either tokenizer.
#pragma once

#include <cstddef>
#include <string_view>

namespace vocabcount::internal {

// The first position p >= from (p > 0) where cutting `text` cannot change any
// token, or npos. p may equal text.size() only after a line feed.
//
// Two kinds of position qualify, both hard breaks in UAX #29 with no rule that
// looks back across them: just after a LF (rule WB3a: always break after a
// newline), and between an ASCII space and a printable non-space ASCII byte
// (no rule joins them, and every rule that looks left stops at the space).
// Both are whitespace in the whitespace tokenizer, and both are ASCII, so a cut
// never falls inside a UTF-8 sequence, well-formed or not.
std::size_t FindSafeCut(std::string_view text, std::size_t from);

// The last safe cut p with floor < p <= position, or `floor` if there is none.
std::size_t FindSafeCutBefore(std::string_view text, std::size_t floor, std::size_t position);

}  // namespace vocabcount::internal
