// What the exactness tests of the dictionary segmenters (kana/kanji, Thai)
// share: random texts of stress pieces against settled ICU, whole and in
// tiny units, long texts across forced cuts, whole files, and a count of
// where ICU split a dictionary run, to show the segmenter had work to do.
#pragma once

#include <unicode/umachine.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "support/icu_spans.h"
#include "support/text_pieces.h"
#include "tokenize/tokenize.h"

namespace vocabcount::testing {

// AppendCjkPiece or AppendThaiPiece.
using AppendPiece = void (*)(Choose choose, bool with_breaks, std::string& text);

// Whether a code point belongs to a dictionary run (IsKanaKanjiCodePoint, …).
using InRun = bool (*)(UChar32 c);

// Whether the first code point of `token` is `in_run`.
bool StartsRun(std::string_view token, InRun in_run);

// How many spans start `in_run` and touch a span before them that does too:
// places where ICU's dictionary engine split a run, the work under test.
std::size_t DictionarySplits(const Spans& spans, InRun in_run);

// `pieces` pieces from `append`, every choice from `random`.
std::string RandomPieceText(std::mt19937_64& random, AppendPiece append, int pieces,
                            bool with_breaks = true);

// Random texts of `append`'s pieces (ExactnessRounds(20000) of them, from
// ExactnessRandom(seed); mostly 1 to 24 pieces, each tenth 40 to 160), each
// tokenized whole by the word tokenizer and by one settled ICU iterator (see
// NewSettledIcuIterator); the first difference fails the test, with the
// whole text as hex. `seen` receives each text and ICU's spans of it, for
// the caller's statistics. Returns the number of texts.
int CompareRandomTexts(AppendPiece append, std::uint64_t seed,
                       absl::FunctionRef<void(std::string_view text, const Spans& icu)> seen);

// Random texts of 20 to 220 of `append`'s pieces (ExactnessRounds(20000) / 10
// of them, from ExactnessRandom(seed)) cut at safe cuts into units of 1 to 64
// bytes: the word tokenizer's tokens must be ICU's for the whole text.
void CompareTinyUnits(AppendPiece append, std::uint64_t seed);

// `text` (named `name` in a failure) tokenized whole and in units as small
// as the safe cuts allow, each start where a worker would start: both must
// agree with ICU, whose spans are returned. A failure does not stop the
// test, so that one run reports every file that differs.
Spans CompareWholeText(internal::Tokenizer& tokenizer, std::string_view name,
                       std::string_view text);

// Every regular file named *`extension` under `directory` (symbolic links,
// which Debian uses for aliases, left out), sorted; fails the test if the
// directory cannot be read.
std::vector<std::filesystem::path> RegularFilesUnder(const std::string& directory,
                                                     std::string_view extension);

// Each of `texts` alone, and framed so that it meets other neighbours
// (inside a line, after a line feed, after an ideographic full stop, in
// parentheses): the word tokenizer's spans must be ICU's.
void CompareHandPicked(const std::vector<std::string>& texts);

// Counts `text`, in which the chunk reader must force exactly two cuts (two
// stretches and a quarter of text with no loose cut do), with chunks of
// 4 KiB and 1 MiB on one and two threads: each count must be what plain ICU
// gives the pieces between the cuts, a token touching a cut left out.
void CompareCountsAcrossForcedCuts(std::string_view text);

}  // namespace vocabcount::testing
