// Stress text as a weighted choice among kinds of pieces, every choice made
// by a callback: what the kana/kanji and Thai stress texts are built from, so
// that a random engine (exactness tests) and a fuzz input drive them alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"

namespace vocabcount::testing {

// Returns a number below `bound` (bound >= 1).
using Choose = absl::FunctionRef<std::uint32_t(std::uint32_t bound)>;

using CodePointRange = std::pair<char32_t, char32_t>;  // first and last code point

// One kind of piece: `min_count` to `max_count` of `words` glued together,
// or, without words, as many code points, each chosen anew from `alphabet`
// and `ranges` taken together.
struct PieceKind {
  int weight;
  std::vector<std::string_view> words;
  std::u32string_view alphabet;
  std::vector<CodePointRange> ranges;
  int min_count = 1;
  int max_count = 1;
};

PieceKind Words(int weight, std::vector<std::string_view> words, int min_count = 1,
                int max_count = 1);
PieceKind CodePoints(int weight, std::u32string_view alphabet, std::vector<CodePointRange> ranges,
                     int min_count = 1, int max_count = 1);

// A fixed set of kinds to choose pieces from.
class PieceMenu {
 public:
  explicit PieceMenu(std::vector<PieceKind> kinds);

  // Appends one piece of a kind chosen by weight. With `with_breaks` false,
  // kinds that may hold an ASCII space or control byte (line ends and tabs
  // among them) are left out, so that text made of such pieces has no safe
  // or loose cut (input/safe_cut.h) anywhere. A count or word with a single
  // possibility asks `choose` nothing.
  void Append(Choose choose, bool with_breaks, std::string& text) const;

 private:
  std::vector<PieceKind> kinds_;
  std::vector<bool> may_break_;        // per kind
  std::uint32_t weight_ = 0;           // of all kinds
  std::uint32_t unbroken_weight_ = 0;  // of those that never break
};

}  // namespace vocabcount::testing
