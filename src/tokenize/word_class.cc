// A table of word classes for the Basic Multilingual Plane, built once from
// ICU's own character properties, so it follows the ICU version in use.
#include "tokenize/word_class.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#include <array>

namespace vocabcount::internal {
namespace {

// The sets ICU's root word rules (word.txt) hand to dictionaries or treat
// with rules the fast path does not implement.
bool IsComplex(UChar32 c) {
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return true;
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return true;
  if (u_charType(c) == U_UNASSIGNED) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
      script == USCRIPT_KATAKANA) {
    return true;
  }
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_FORMAT:
    case U_WB_ZWJ:
    case U_WB_REGIONAL_INDICATOR:
    case U_WB_KATAKANA:
    case U_WB_HEBREW_LETTER:
    case U_WB_E_BASE:
    case U_WB_E_MODIFIER:
    case U_WB_E_BASE_GAZ:
    case U_WB_GLUE_AFTER_ZWJ:
      return true;
    default:
      return false;
  }
}

// No kana or kanji comes before the CJK radicals.
constexpr UChar32 kFirstKanaKanji = 0x2E80;

// A set from a pattern of ICU's properties, built once by the caller's
// static; frozen, so safe to read from any thread. Empty if the pattern
// fails (then ICU segments all of that text).
const icu::UnicodeSet* FrozenSet(const char16_t* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  auto* set = new icu::UnicodeSet(icu::UnicodeString(pattern), status);
  if (U_FAILURE(status)) set->clear();
  set->freeze();
  return set;
}

// The rules' $KanaKanji, intersected with the CJK engine's set.
const icu::UnicodeSet& KanaKanjiSet() {
  static const icu::UnicodeSet* const set =
      FrozenSet(u"[[[:Han:][:Hiragana:][:Word_Break=Katakana:]]&"
                u"[[:Han:][:Hiragana:][:Katakana:]\u30FC\uFF70\uFF9E\uFF9F]]");
  return *set;
}

// Thai as ICU's Thai break engine takes it.
const icu::UnicodeSet& ThaiSet() {
  static const icu::UnicodeSet* const set = FrozenSet(u"[[:Thai:]&[:LineBreak=SA:]]");
  return *set;
}

WordClass Classify(UChar32 c) {
  if (c == '@') return WordClass::kLetter;  // ICU's tailoring, for e-mail addresses
  if (c == ':' || c == 0xFE55 || c == 0xFF1A) return WordClass::kOther;  // ICU's tailoring
  if (c >= 0xAC00 && c <= 0xD7A3) return WordClass::kHangul;
  // Range checks first: the sets are built on first use, which text in other
  // scripts need not pay for.
  if (c >= 0x0E00 && c <= 0x0E7F && ThaiSet().contains(c)) {
    return u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_EXTEND ? WordClass::kThaiMark
                                                                     : WordClass::kThai;
  }
  if (c >= kFirstKanaKanji && IsKanaKanjiCodePoint(c)) {
    return IsKanaKanjiWordAlone(c) && KeepsNfkcInRun(c) ? WordClass::kKanaKanji
                                                      : WordClass::kKanaKanjiSpecial;
  }
  if (IsComplex(c)) return WordClass::kComplex;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return WordClass::kLetter;
    case U_WB_NUMERIC:
      return WordClass::kNumeric;
    case U_WB_EXTENDNUMLET:
      return WordClass::kExtendNumLet;
    case U_WB_MIDLETTER:
      return WordClass::kMidLetter;
    case U_WB_MIDNUM:
      return WordClass::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:  // its Hebrew-only rule cannot apply: Hebrew is complex
      return WordClass::kMidNumLet;
    case U_WB_EXTEND:
      return WordClass::kExtend;
    default:  // Double_Quote too: it joins only Hebrew letters
      return WordClass::kOther;
  }
}

using PageClasses = std::array<WordClass, 256>;

PageClasses ComputePage(UChar32 first) {
  PageClasses page;
  for (UChar32 c = first; c < first + 256; ++c) {
    // Surrogate code points never come out of a UTF-8 decoder.
    page[static_cast<std::size_t>(c - first)] =
        (c >= 0xD800 && c <= 0xDFFF) ? WordClass::kOther : Classify(c);
  }
  return page;
}

}  // namespace

bool IsKanaKanjiCodePoint(UChar32 c) { return KanaKanjiSet().contains(c); }

bool KeepsNfkcInRun(UChar32 c) {
  return u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES &&
         u_getCombiningClass(c) == 0;
}

bool IsKanaKanjiWordAlone(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  // The script fails only for a code point out of range, which is no hiragana.
  const UScriptCode script = uscript_getScript(c, &status);
  return u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_KATAKANA ||
         (U_SUCCESS(status) && script == USCRIPT_HIRAGANA) ||
         u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

namespace word_class_pages {

// A page is immutable once published, so readers need only an acquire load;
// pages live as long as the process (at most 256 of 256 bytes).
std::array<std::atomic<const WordClass*>, 256> g_pages{};

const WordClass* MakePage(std::size_t index) {
  auto* made = new PageClasses(ComputePage(static_cast<UChar32>(index << 8)));
  const WordClass* expected = nullptr;
  if (!g_pages[index].compare_exchange_strong(expected, made->data(), std::memory_order_acq_rel)) {
    delete made;  // another thread published the same page first
    return expected;
  }
  return made->data();
}

}  // namespace word_class_pages

const WordClass* Latin1WordClasses() {
  static const WordClass* const latin1 = word_class_pages::Page(0);
  return latin1;
}

}  // namespace vocabcount::internal
