// The character classes of the fast word segmenter: ICU's word-break classes
// (root rules), reduced to what the fast path handles; everything it does not
// handle is kComplex and goes to ICU.
#pragma once

#include <unicode/umachine.h>

#include <array>
#include <atomic>
#include <cstddef>
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
  kKanaKanji,     // Han, Hiragana, Katakana that ICU's CJK dictionary segments
                  // (see IsKanaKanjiCodePoint), kept by NFKC (KeepsNfkcInRun), and a
                  // word even alone
  kKanaKanjiSpecial,  // the same set where NFKC may change the text, a lone
                      // character is no word, or the code point is
                      // supplementary: looked at one by one
  kThai,          // Thai letters ICU's Thai dictionary segments (Thai, LineBreak=SA)
  kThaiMark,      // the Thai combining marks among them (Word_Break=Extend)
  kComplex,       // anything else: Lao, Khmer, Burmese and the other dictionary
                  // scripts, Hebrew letters, emoji, format characters, ZWJ,
                  // regional indicators, supplementary-plane code points
                  // other than kana and kanji, unassigned code points
};

inline bool IsThai(WordClass c) { return c == WordClass::kThai || c == WordClass::kThaiMark; }

inline bool IsKanaKanji(WordClass c) {
  return c == WordClass::kKanaKanji || c == WordClass::kKanaKanjiSpecial;
}

// Whether ICU's root word rules chain `c` into a run of kana and kanji and
// its CJK dictionary engine takes it: ICU's $KanaKanji (Han, Hiragana,
// Word_Break=Katakana) that is also in the engine's own set (Han, Hiragana,
// Katakana scripts, and U+30FC, U+FF70, U+FF9E, U+FF9F).
bool IsKanaKanjiCodePoint(UChar32 c);

// Whether NFKC leaves `c` as it is in any run of kana and kanji: its NFKC
// quick check is Yes and it has no combining class, so a text of such
// characters passes ICU's isNormalized, the test ICU's CJK engine makes
// before it normalizes. (Kana that compose with a following voicing mark
// qualify: no such mark is kana or kanji.)
bool KeepsNfkcInRun(UChar32 c);

// Whether ICU's rules give `c` a word status when it stands alone ($Katakana,
// $Hiragana and $Ideographic do; Han radicals and U+3005 do not).
bool IsKanaKanjiWordAlone(UChar32 c);

// The classes of U+0000..U+00FF, indexed by code point (the hot ASCII and
// Latin-1 range).
const WordClass* Latin1WordClasses();

namespace word_class_pages {
// One slot per block of 256 BMP code points: its classes once computed.
extern std::array<std::atomic<const WordClass*>, 256> g_pages;
// Computes and publishes the classes of block `index`.
const WordClass* MakePage(std::size_t index);

// The classes of block `index`, computed on first use. Inline: the lookup
// runs once per character.
inline const WordClass* Page(std::size_t index) {
  const WordClass* page = g_pages[index].load(std::memory_order_acquire);
  if (page == nullptr) [[unlikely]] page = MakePage(index);
  return page;
}
}  // namespace word_class_pages

// The class of any code point. Supplementary-plane code points are all
// kComplex but for kana and kanji (kKanaKanjiSpecial); a negative value from
// a UTF-8 decoder (ill-formed input) is kOther, since ICU reads it as U+FFFD. Classes are computed from ICU's
// properties the first time a block of 256 code points is needed, so a run
// pays only for the scripts it meets.
inline WordClass ClassifyForWords(UChar32 c) {
  if (c < 0) return WordClass::kOther;
  if (c >= 0x10000) {
    return IsKanaKanjiCodePoint(c) ? WordClass::kKanaKanjiSpecial : WordClass::kComplex;
  }
  return word_class_pages::Page(static_cast<std::size_t>(c) >> 8)[static_cast<std::size_t>(c) & 0xFF];
}

}  // namespace vocabcount::internal
