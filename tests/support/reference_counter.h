// A deliberately simple reference: plain ICU over each whole text, with none
// of the engine's code (no cutting, no UText, no worker maps, no fast paths).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace vocabcount::testing {

using ReferenceCounts = std::map<std::string, std::uint64_t>;

// Adds the word tokens of `text` to `counts`: the whole text is converted to
// UTF-16 (ill-formed bytes become U+FFFD), a new settled word BreakIterator
// for the root locale walks it, and each segment with a word rule status
// counts, optionally lowercased with UnicodeString::toLower. A leading byte
// order mark is dropped.
void ReferenceCountWords(std::string_view text, bool lower, ReferenceCounts& counts);

// "token<TAB>count" lines, count descending then bytes ascending.
std::string ReferenceTsv(const ReferenceCounts& counts);

// How many U+FFFD ICU's UTF-8 to UTF-16 conversion substitutes in `text`.
std::uint64_t ReferenceIllFormedSequences(std::string_view text);

}  // namespace vocabcount::testing
