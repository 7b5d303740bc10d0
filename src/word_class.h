// The character classes of the fast word segmenter: ICU's word-break classes
// (root rules), reduced to what the fast path handles; everything it does not
// handle is kComplex and goes to ICU.
#pragma once

#include <unicode/umachine.h>

#include <cstdint>

namespace vocabcount::internal {

enum class WordClass : std::uint8_t {
  kOther,         // separates words: spaces, line ends, punctuation, symbols, U+FFFD
  kLetter,        // ICU's $ALetterPlus outside dictionary scripts, '@' included
  kNumeric,       // Word_Break=Numeric
  kExtendNumLet,  // connector punctuation such as '_'
  kMidLetter,     // joins letters only (ICU leaves ':' out)
  kMidNum,        // joins numbers only
  kMidNumLet,     // joins letters or numbers: MidNumLet and Single_Quote
  kExtend,        // combining marks: attach to what precedes
  kHangul,        // precomposed Hangul syllables, which ICU keeps apart from letters
  kComplex,       // anything else: dictionary scripts, kana, Han, Hebrew letters,
                  // emoji, format characters, ZWJ, regional indicators,
                  // supplementary-plane and unassigned code points
};

// The classes of U+0000..U+00FF, indexed by code point (the hot ASCII and
// Latin-1 range).
const WordClass* Latin1WordClasses();

// The class of any code point. Supplementary-plane code points are all
// kComplex; a negative value from a UTF-8 decoder (ill-formed input) is
// kOther, since ICU reads it as U+FFFD. Classes are computed from ICU's
// properties the first time a block of 256 code points is needed, so a run
// pays only for the scripts it meets.
WordClass ClassifyForWords(UChar32 c);

}  // namespace vocabcount::internal
