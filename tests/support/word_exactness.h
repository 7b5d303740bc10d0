// What the word exactness tests share: the word tokenizer and a new settled
// ICU iterator as the two sides of each comparison, and a report of where
// they differ that is small enough to read and exact enough to replay.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/umachine.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "support/icu_spans.h"
#include "tokenize/tokenize.h"

namespace vocabcount::testing {

// The word tokenizer (MakeTokenizer(kWord)); fails the test if it cannot be made.
std::unique_ptr<internal::Tokenizer> NewWordTokenizer();

// A new settled ICU word iterator; fails the test if it cannot be made. Its
// results do not depend on what it segmented before, so one may serve many
// texts (making one costs more than segmenting a short text).
std::unique_ptr<icu::BreakIterator> NewSettledIcuIterator();

// Plain ICU over the whole text with a new settled iterator: the reference.
Spans SettledIcuSpans(std::string_view text);

// The word tokenizer's spans of `text`; fails the test if it reports an error.
Spans WordSpans(internal::Tokenizer& tokenizer, std::string_view text);

// "offset:[token] " for each span.
std::string ShowSpans(const Spans& spans);

// The bytes as two-digit hex, space-separated.
std::string HexBytes(std::string_view bytes);

void AppendUtf8(std::string& out, UChar32 c);

// An empty string when `icu` and `engine` are equal; otherwise where they
// first differ: the line of `text` holding that place (as hex and as text,
// at most a few hundred bytes of it) and the spans of both sides within it.
// Tests CHECK it against "", so that Catch prints it on failure.
std::string SpanDifference(std::string_view text, const Spans& icu, const Spans& engine);

// Rounds and random engine of a random exactness test: the defaults, or
// VOCABCOUNT_EXACTNESS_ROUNDS (=1000000 runs a longer search) and
// VOCABCOUNT_EXACTNESS_SEED (another one) from the environment.
int ExactnessRounds(int default_rounds);
std::mt19937_64 ExactnessRandom(std::uint64_t default_seed);

// SpanDifference of the word tokenizer against SettledIcuSpans on `text`.
std::string DifferenceFromIcu(internal::Tokenizer& tokenizer, std::string_view text);

}  // namespace vocabcount::testing
