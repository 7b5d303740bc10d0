// The pre-tokenizer patterns of byte-pair-encoding tokenizers (GPT-2's,
// tiktoken's cl100k_base and o200k_base), matched directly over UTF-8 as
// Python's regex.findall finds them.
#pragma once

#include <cstddef>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

enum class PiecePattern {
  // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
  kGpt2,
  // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
  //  ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
  kCl100k,
  // [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
  // [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
  // \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
  kO200k,
};

// The pattern of a pre-tokenizer (IsPieceTokenizer(kind) must hold).
PiecePattern PiecePatternOf(TokenizerKind kind);

// Where the piece that starts at byte `start` (< text.size()) ends: the
// match of the pattern there, with the first alternative that matches and
// each quantifier as greedy as the rest of the pattern lets it be, as a
// backtracking engine finds it. Every character starts a match of each
// pattern, so consecutive pieces tile the text. Ill-formed UTF-8 reads as
// U+FFFD (a symbol), one per maximal subpart; callers that want Python's
// replacement characters in the pieces repair the text first.
std::size_t PieceEnd(PiecePattern pattern, std::string_view text, std::size_t start);

// Calls `sink` with every piece of `text`, in order, as views into it.
void SplitPieces(PiecePattern pattern, std::string_view text,
                 absl::FunctionRef<void(std::string_view piece)> sink);

}  // namespace vocabcount::internal
