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

// A looser rule, for stretches where no safe cut comes: p (0 < p < size)
// follows a line feed (a safe cut), or follows an ASCII space or control
// character and precedes an ASCII byte. No token of either tokenizer holds
// such a byte, and no UAX #29 rule looks across one (they are CR, Newline,
// WSegSpace or Other, and the byte after is ASCII, so never Extend or Format
// attaching to them), so cutting there changes no token. It may split a run of spaces that ICU keeps as one
// segment, though, so code that restarts ICU inside a text, and needs its
// exact boundaries, uses safe cuts only.
bool IsLooseCut(std::string_view text, std::size_t p);

// The last loose cut p with floor < p <= position (< text.size()), or `floor`.
std::size_t FindLooseCutBefore(std::string_view text, std::size_t floor, std::size_t position);

// Whether p (0 < p <= text.size()) is a safe cut as FindSafeCut defines it.
bool IsSafeCut(std::string_view text, std::size_t p);

// Where a tokenizer lets a reader cut: the rules above, for the word and
// whitespace tokenizers, or another tokenizer's own. `is_safe` may say yes at
// p == text.size() only if no byte after p could make it wrong; `is_loose`
// is asked only for p < text.size().
//
// `last_token_end`, if set, is for stretches with no loose cut, which the
// reader would otherwise cut by force (ChunkReader::CutLongStretches): the
// last end of a token at or before `to` when tokens are matched from `from`,
// where one starts, or `from` if a token covers all of (from, to]. The reader
// asks with at least `to - from` bytes read after `to` (or the whole input),
// so that only a run longer than that could still change those tokens, and
// cuts there instead, as at a safe cut.
struct CutRule {
  bool (*is_safe)(std::string_view text, std::size_t p);
  bool (*is_loose)(std::string_view text, std::size_t p);
  std::size_t (*last_token_end)(std::string_view text, std::size_t from, std::size_t to) = nullptr;
};
inline constexpr CutRule kWordCutRule{.is_safe = IsSafeCut, .is_loose = IsLooseCut};

// FindSafeCut and FindLooseCutBefore under `rule`.
std::size_t FindSafeCut(const CutRule& rule, std::string_view text, std::size_t from);
std::size_t FindLooseCutBefore(const CutRule& rule, std::string_view text, std::size_t floor,
                               std::size_t position);

}  // namespace vocabcount::internal
