// Runs of Han, Hiragana and Katakana split into words exactly as ICU's CJK
// dictionary engine splits them, working on the UTF-8 text.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/ucharstrie.h>
#include <unicode/umachine.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tokenize/dictionary_run.h"
#include "tokenize/fast_word.h"
#include "tokenize/icu_dictionary.h"

namespace vocabcount::internal {

// The algorithm (ICU's CjkBreakEngine, ICU 72): the run is NFKC-normalized
// if it is not already, keeping for each normalized code point the offset of
// the original text it came from. Every split of the run into pieces has a
// cost: a dictionary word (up to 20 UTF-16 units) costs its value in cjdict,
// a single character not in the dictionary 255, and a run of 1 to 19
// katakana, taken whole from its first character, a cost by its length. The
// cheapest split wins, ties going to the piece found first; pieces that map
// to the same original offset (inside one normalized character) merge.
//
// One per worker: it keeps its buffers between runs.
class CjkSegmenter {
 public:
  // `nfkc` is ICU's NFKC instance (Nfkc()).
  CjkSegmenter(const CjkDictionary& dictionary, const icu::Normalizer2& nfkc);

  // ICU's NFKC normalizer, which the engine needs as ICU's does; an error
  // when ICU's data lacks it.
  static absl::StatusOr<const icu::Normalizer2*> Nfkc();

  // Calls `word` for each word of `run`, in order. `run` must be a maximal
  // run of code points of IsKanaKanjiCodePoint that ICU's rules set apart as
  // one segment (see SegmentWords), so that every piece is a word. Fails only
  // when ICU cannot normalize the run (out of memory).
  absl::Status Segment(std::string_view run, SpanSink word);

 private:
  // Replaces run_'s code points by their NFKC form where ICU's engine would.
  absl::Status NormalizeLikeIcu();
  // Fills previous_ with the cheapest split of run_.
  void FindCheapestSplit();
  // trie_.next(second) right after trie_.first(first), from a cache: the
  // second step of a lookup also searches a wide branch, and pairs of
  // characters repeat.
  UStringTrieResult SecondStep(char16_t first, char16_t second);

  const CjkDictionary& dictionary_;
  const icu::Normalizer2& nfkc_;
  icu::UCharsTrie trie_;
  // A direct-mapped cache of second steps, by the pair of units; an entry
  // whose pair is 0 (two NULs, never kana or kanji) is empty.
  struct SecondStepEntry {
    std::uint32_t pair = 0;
    UStringTrieResult result = USTRINGTRIE_NO_MATCH;
    std::uint64_t state = 0;
  };
  static constexpr int kSecondStepBits = 15;
  std::vector<SecondStepEntry> second_steps_;
  DecodedRun run_;
  std::vector<std::uint32_t> cost_;     // cost_[k]: of the cheapest split of the first k
  std::vector<std::int32_t> previous_;  // where the last piece of that split starts
  std::vector<std::int32_t> cuts_;
  DecodedRun normalized_;  // run_ after NFKC, while it is made
};

}  // namespace vocabcount::internal
