// Runs of Thai split into words exactly as ICU's Thai dictionary engine
// splits them, working on the UTF-8 text.
#pragma once

#include <unicode/bytestrie.h>
#include <unicode/umachine.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenize/dictionary_run.h"
#include "tokenize/fast_word.h"
#include "tokenize/icu_dictionary.h"

namespace vocabcount::internal {

// The algorithm (ICU's ThaiBreakEngine, ICU 72), greedy with a look-ahead of
// three words rather than a cheapest path: at each position take the
// dictionary word after which the most further words (up to two) follow,
// preferring the longest; glue text that starts no dictionary word to the
// word before it until a likely word start; never end a word before a
// combining mark; take a trailing PAIYANNOI or MAIYAMOK into the word. A run
// of four characters or fewer stays whole.
//
// One per worker: it keeps its buffers between runs.
class ThaiSegmenter {
 public:
  explicit ThaiSegmenter(const ThaiDictionary& dictionary);

  // Calls `word` for each word of `run`, in order. `run` must be a maximal
  // run of WordClass::kThai and kThaiMark characters starting with kThai, set
  // apart by its neighbours as one segment of ICU's rules (see SegmentWords).
  void Segment(std::string_view run, SpanSink word);

 private:
  // The dictionary words starting at one position, longest last, with the
  // one currently considered and the one preferred (ICU's PossibleWord).
  struct Candidates {
    static constexpr int kMax = 20;
    int count = 0;
    int prefix = 0;   // code points of the longest dictionary prefix, plus one
    int offset = -1;  // the position they were found at
    int mark = 0;
    int current = 0;
    int lengths[kMax];
  };

  // Finds the candidates at `position` (cached per position), and moves
  // `position` past the longest, as ICU leaves its text iterator.
  int FindCandidates(Candidates& words, int& position);
  // Fills words.lengths with the dictionary words at `start`.
  void Match(Candidates& words, int start);
  // Fills cuts_ with the word ends ICU's engine finds in run_.
  void FindWordEnds();

  const ThaiDictionary& dictionary_;
  icu::BytesTrie trie_;
  DecodedRun run_;  // Thai is all in the BMP: a code point is a UTF-16 unit
  std::vector<std::int32_t> cuts_;
};

}  // namespace vocabcount::internal
