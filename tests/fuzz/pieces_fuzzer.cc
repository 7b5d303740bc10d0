// libFuzzer target: on any bytes, each pre-tokenizer pattern (gpt2, cl100k,
// o200k) must split the input exactly as the backtracking reference engine
// does (support/backtracking_pieces.h), into pieces that tile it, and
// cutting the input at any safe piece cut (tokenize/piece_cut.h) must leave
// every pattern's pieces as they are.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "support/backtracking_pieces.h"
#include "tokenize/piece_cut.h"
#include "tokenize/pretokenize.h"

namespace {

using vocabcount::internal::PiecePattern;

constexpr PiecePattern kPatterns[] = {PiecePattern::kGpt2, PiecePattern::kCl100k,
                                      PiecePattern::kO200k};
constexpr const char* kNames[] = {"gpt2", "cl100k", "o200k"};

std::vector<std::string_view> Split(PiecePattern pattern, std::string_view text) {
  std::vector<std::string_view> pieces;
  vocabcount::internal::SplitPieces(pattern, text,
                                    [&](std::string_view piece) { pieces.push_back(piece); });
  return pieces;
}

// Whether `pieces` are non-empty views of `text` that follow one another
// from its first byte to its last.
bool Tile(const std::vector<std::string_view>& pieces, std::string_view text) {
  const char* at = text.data();
  for (const std::string_view piece : pieces) {
    if (piece.empty() || piece.data() != at) return false;
    at += piece.size();
  }
  return at == text.data() + text.size();
}

// "[piece] [piece] " with bytes outside printable ASCII escaped.
template <typename Piece>
std::string Show(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& piece : pieces) {
    out += '[';
    out += vocabcount::fuzzing::Escaped(piece);
    out += "] ";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vocabcount::fuzzing::Fail;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> whole[std::size(kPatterns)];
  for (std::size_t k = 0; k < std::size(kPatterns); ++k) {
    whole[k] = Split(kPatterns[k], text);
    if (!Tile(whole[k], text)) {
      Fail(std::string(kNames[k]) + ": pieces do not tile the input", text);
    }
    const std::vector<std::string> expected =
        vocabcount::testing::ReferencePieces(kPatterns[k], text);
    if (!std::equal(whole[k].begin(), whole[k].end(), expected.begin(), expected.end())) {
      Fail(std::string(kNames[k]) + ": pieces differ from the backtracking reference\nexpected " +
               Show(expected) + "\nactual   " + Show(whole[k]),
           text);
    }
  }

  // Every safe cut: the pieces of the two sides, one after the other, are
  // those of the whole input.
  for (std::size_t p = 1; p < size; ++p) {
    // The reader judges cuts with only part of the input read: a cut safe in
    // a prefix must be safe in the whole input.
    for (std::size_t read = p + 1; read < size && read <= p + 4; ++read) {
      if (vocabcount::internal::IsSafePieceCut(text.substr(0, read), p) &&
          !vocabcount::internal::IsSafePieceCut(text, p)) {
        Fail("a cut at byte " + std::to_string(p) + " is safe with " + std::to_string(read) +
                 " bytes read but not in the whole input",
             text);
      }
    }
    if (!vocabcount::internal::IsSafePieceCut(text, p)) continue;
    for (std::size_t k = 0; k < std::size(kPatterns); ++k) {
      std::vector<std::string_view> joined = Split(kPatterns[k], text.substr(0, p));
      const std::vector<std::string_view> after = Split(kPatterns[k], text.substr(p));
      joined.insert(joined.end(), after.begin(), after.end());
      if (joined != whole[k]) {
        Fail(std::string(kNames[k]) + ": cutting at byte " + std::to_string(p) +
                 " (a safe piece cut) changes the pieces",
             text);
      }
    }
  }
  return 0;
}
