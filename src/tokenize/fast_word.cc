// The fast word segmenter: ICU's root word rules for the classes of
// word_class.h, as a direct scan. The rules it implements (UAX #29 numbering,
// as tailored by ICU's word.txt):
//   WB4      marks (Extend) attach to the character before them;
//   WB5-7    letters join, also across one MidLetter/MidNumLet between letters;
//   WB8-12   digits join digits and letters, also across one MidNum/MidNumLet
//            between digits;
//   WB13a/b  connectors ('_') join letters, digits and each other;
//   Hangul   runs of syllables form a word of their own (ICU's $HangulSyllable).
// A segment is a token when ICU gives it a word status: when it holds a letter
// or a digit, or is two or more connectors ("__" is a word, "_" is not).
#include "tokenize/fast_word.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "base/ascii.h"
#include "tokenize/two_byte_leads.h"
#include "tokenize/word_class.h"

namespace vocabcount::internal {
namespace {

constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = '@'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  table['_'] = true;
  return table;
}();

class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : bytes_(reinterpret_cast<const std::uint8_t*>(text.data())),
        length_(static_cast<std::int64_t>(text.size())),
        classes_(Latin1WordClasses()) {}

  // The class of the code point at `i`, which moves past it.
  WordClass Next(std::int64_t& i) const {
    const std::uint8_t byte = bytes_[i];
    if (byte < 0x80) {
      ++i;
      return classes_[byte];
    }
    UChar32 c;
    U8_NEXT(bytes_, i, length_, c);
    return c >= 0 && c < 0x100 ? classes_[c] : ClassifyForWords(c);
  }

  // Moves `i` past any marks.
  void SkipExtend(std::int64_t& i) const {
    while (i < length_) {
      std::int64_t j = i;
      if (Next(j) != WordClass::kExtend) return;
      i = j;
    }
  }

  std::int64_t length() const { return length_; }

 private:
  const std::uint8_t* bytes_;
  std::int64_t length_;
  const WordClass* classes_;
};

// The length of the run of ASCII letters, digits, '_' and '@' at `p` (at most
// `limit` bytes): the ASCII characters that join each other in a word.
std::int64_t AsciiWordRun(const std::uint8_t* p, std::int64_t limit) {
  std::int64_t length = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: a byte is in the run when it is in one of the
  // ranges 0-9, @-Z (with '@'), a-z, or is '_'.
  while (length + 16 <= limit) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + length));
    // Signed compares: bytes >= 0x80 are negative and fall outside every range.
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('@' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    const __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
    const __m128i underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
    const __m128i in_run =
        _mm_or_si128(_mm_or_si128(digit, upper), _mm_or_si128(lower, underscore));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(in_run));
    if (mask != 0xFFFF) return length + __builtin_ctz(~mask);
    length += 16;
  }
#endif
  while (length < limit && kAsciiWordByte[p[length]]) ++length;
  return length;
}

// The length in bytes of the run of well-formed two-byte letters at `p` (at
// most `limit` bytes) whose lead bytes start only letters: most words of
// Cyrillic text, taken without decoding.
std::int64_t TwoByteLetterRun(const std::uint8_t* p, std::int64_t limit,
                              const std::array<bool, 256>& all_letters) {
  std::int64_t length = 0;
  while (length + 2 <= limit && all_letters[p[length]] && (p[length + 1] & 0xC0) == 0x80) {
    length += 2;
  }
  return length;
}

#if defined(__SSE2__)
// Whether sixteen bytes hold nothing that may need ICU: only ASCII,
// continuation bytes and the lead bytes of TwoByteLeads::no_icu. Any other
// lead starts a character that is, or may be, complex or a mark.
class NoIcuBlockTest {
 public:
  explicit NoIcuBlockTest(const TwoByteLeads& leads) {
    for (int k = 0; k < TwoByteLeads::kMaxRanges; ++k) {
      // Signed bytes: leads 0xC2..0xDF are -62..-33, so first - 1 and
      // last + 1 stay in range; an empty range gives 0 < v < 1.
      below_[k] = _mm_set1_epi8(static_cast<char>(leads.no_icu[k].first - 1));
      above_[k] = _mm_set1_epi8(static_cast<char>(leads.no_icu[k].last + 1));
    }
  }

  bool operator()(const std::uint8_t* p) const {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Lead bytes of multi-byte sequences, 0xC0..0xFF, are -64..-1 signed.
    const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65)),
                                       _mm_cmplt_epi8(v, _mm_setzero_si128()));
    __m128i allowed = _mm_setzero_si128();
    for (int k = 0; k < TwoByteLeads::kMaxRanges; ++k) {
      allowed = _mm_or_si128(
          allowed, _mm_and_si128(_mm_cmpgt_epi8(v, below_[k]), _mm_cmplt_epi8(v, above_[k])));
    }
    return _mm_movemask_epi8(_mm_andnot_si128(allowed, lead)) == 0;
  }

 private:
  __m128i below_[TwoByteLeads::kMaxRanges];
  __m128i above_[TwoByteLeads::kMaxRanges];
};
#endif

// Whether the run holds a letter or digit (not only '_').
bool AsciiRunHasLetterOrDigit(const std::uint8_t* p, std::int64_t length) {
  for (std::int64_t i = 0; i < length; ++i) {
    if (p[i] != '_') return true;
  }
  return false;
}

bool IsMid(WordClass c) {
  return c == WordClass::kMidLetter || c == WordClass::kMidNum || c == WordClass::kMidNumLet;
}

bool StartsWord(WordClass c) {
  return c == WordClass::kLetter || c == WordClass::kNumeric || c == WordClass::kExtendNumLet;
}

// Whether a character of class `c` next to a run of kana and kanji leaves the
// run a segment of its own in ICU's rules: marks and format characters attach
// to it (WB4), connectors join katakana (WB13a/b), and complex characters are
// not looked into here. Start and end of text count as kOther.
bool LeavesKanaKanjiApart(WordClass c) {
  return c != WordClass::kExtend && c != WordClass::kThaiMark && c != WordClass::kExtendNumLet &&
         c != WordClass::kComplex && !IsKanaKanji(c);
}

// The same for a run of Thai, whose letters are letters to ICU's rules
// ($ALetterPlus): they join letters, digits, connectors, and letters across
// mid-word punctuation, so only characters that join no letter qualify.
bool LeavesThaiApart(WordClass c) {
  return c == WordClass::kOther || c == WordClass::kHangul || IsKanaKanji(c);
}

// The class of the character that ends at `end` (kOther at the start).
WordClass ClassBefore(const std::uint8_t* bytes, std::int64_t end) {
  if (end == 0) return WordClass::kOther;
  // A character is at most four bytes long: decode from there.
  const std::int64_t from = std::max<std::int64_t>(0, end - 4);
  auto length = static_cast<std::int32_t>(end - from);
  UChar32 c;
  U8_PREV(bytes + from, 0, length, c);
  return ClassifyForWords(c);
}

// Segments text free of complex characters.
void SegmentSimple(std::string_view text, SpanSink token) {
  const Scanner scan(text);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const WordClass* classes = Latin1WordClasses();
  const std::array<bool, 256>& all_letters = TwoByteLeadTable().all_letters;
  const std::int64_t n = scan.length();
  std::int64_t i = 0;
  while (i < n) {
    // Between words: skip ASCII that cannot start one without decoding.
    if (bytes[i] < 0x80 && !StartsWord(classes[bytes[i]])) {
      ++i;
      continue;
    }
    const std::int64_t start = i;
    const WordClass first = scan.Next(i);
    if (first == WordClass::kHangul) {
      for (std::int64_t j = i; i < n && scan.Next(j) == WordClass::kHangul; j = i) i = j;
      token(text.substr(start, i - start));
      continue;
    }
    if (!StartsWord(first)) continue;

    WordClass last = first;  // the last letter, digit or connector
    bool has_letter_or_digit = first != WordClass::kExtendNumLet;
    int bases = 1;
    std::int64_t end = i;
    for (;;) {
      // Most words are runs of ASCII letters and digits: take them whole.
      const std::int64_t run = AsciiWordRun(bytes + end, n - end);
      if (run > 0) {
        end += run;
        bases += static_cast<int>(run);
        last = classes[bytes[end - 1]];
        has_letter_or_digit |= AsciiRunHasLetterOrDigit(bytes + end - run, run);
      }
      const std::int64_t letters = TwoByteLetterRun(bytes + end, n - end, all_letters);
      if (letters > 0) {
        end += letters;
        bases += static_cast<int>(letters / 2);
        last = WordClass::kLetter;
        has_letter_or_digit = true;
        continue;
      }
      // ASCII is never a mark: after a run, only a mid character can go on.
      if (end < n && bytes[end] < 0x80 && !IsMid(classes[bytes[end]])) break;
      // Marks belong to the word (WB4): move past them to the next other
      // character, decoding each character once.
      WordClass next = WordClass::kExtend;
      std::int64_t after_next = end;
      while (after_next < n) {
        end = after_next;
        next = scan.Next(after_next);
        if (next != WordClass::kExtend) break;
      }
      if (next == WordClass::kExtend) {  // the text ends in marks
        end = after_next;
        break;
      }
      if (StartsWord(next)) {
        last = next;
        has_letter_or_digit |= next != WordClass::kExtendNumLet;
        ++bases;
        end = after_next;
        continue;
      }
      const bool joins_letters = next == WordClass::kMidLetter || next == WordClass::kMidNumLet;
      const bool joins_digits = next == WordClass::kMidNum || next == WordClass::kMidNumLet;
      if ((last == WordClass::kLetter && joins_letters) ||
          (last == WordClass::kNumeric && joins_digits)) {
        std::int64_t beyond = after_next;
        scan.SkipExtend(beyond);
        if (beyond < n && scan.Next(beyond) == last) {
          end = beyond;
          ++bases;
          continue;
        }
      }
      break;
    }
    if (has_letter_or_digit || bases >= 2) token(text.substr(start, end - start));
    i = end;
  }
}

// Whether ICU may stop before `p` and start again there without changing any
// boundary (0 < p < text.size()): just after a line feed (a safe cut, see
// input/safe_cut.h), or after an ASCII space where printable ASCII, a letter,
// a digit, a Hangul syllable, a Thai letter, a kana or a kanji begins. No
// rule of ICU's joins a space to those or looks left across a space (marks,
// format characters and other spaces, which would, are not among them), so
// ICU breaks there in any context, and what follows segments as if the text
// began there. Text in scripts the fast path leaves to ICU (Hebrew, Khmer,
// …) has no restart points between its words, so ICU takes it a line at a
// time, not a word at a time.
bool IsRestartPoint(std::string_view text, std::size_t p) {
  const auto before = static_cast<std::uint8_t>(text[p - 1]);
  const auto at = static_cast<std::uint8_t>(text[p]);
  if (before == '\n') return true;
  if (before != ' ') return false;
  if (at < 0x80) return at > ' ' && at != 0x7F;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<std::int64_t>(p);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<std::int64_t>(text.size()), c);
  const WordClass k = ClassifyForWords(c);
  return k == WordClass::kLetter || k == WordClass::kNumeric || k == WordClass::kHangul ||
         k == WordClass::kThai || IsKanaKanji(k);
}

// The last restart point in (floor, position], or `floor`.
std::size_t RestartPointBefore(std::string_view text, std::size_t floor, std::size_t position) {
  for (std::size_t p = position; p > floor; --p) {
    if (IsRestartPoint(text, p)) return p;
  }
  return floor;
}

// The first restart point at or after `from` (at the latest just past the
// next line feed), or the end of the text. ICU's stretches end there, so that
// one emoji or Thai word does not hand ICU the rest of a line of kanji.
std::size_t RestartPointAfter(std::string_view text, std::size_t from) {
  for (std::size_t p = std::max<std::size_t>(from, 1); p < text.size(); ++p) {
    if (IsRestartPoint(text, p)) return p;
  }
  return text.size();
}

}  // namespace

void SegmentWords(std::string_view text, const WordSinks& sinks) {
  const Scanner scan(text);
  const std::int64_t n = scan.length();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t done = 0;  // everything before this has been handed out
  WordClass previous = WordClass::kOther;
#if defined(__SSE2__)
  const NoIcuBlockTest needs_no_icu(TwoByteLeadTable());
#endif
  std::int64_t i = 0;
#if defined(__SSE2__)
  std::int64_t decode_until = 0;  // a block test failed for the bytes before this
#endif
  while (i < n) {
#if defined(__SSE2__)
    // Skip sixteen bytes at a time while they hold nothing complex; when a
    // block fails the test, decode its characters one by one before testing
    // again, so text in other scripts pays one test per block, not per
    // character.
    if (i >= decode_until && i + 16 <= n) {
      if (needs_no_icu(bytes + i)) {
        // A lead byte in the last place starts a character that goes on
        // past the block: leave it for the next step.
        i += bytes[i + 15] >= 0xC0 ? 15 : 16;
        // Only a connector or a Hangul syllable before a mark matters below,
        // and a non-ASCII byte here ends neither.
        const std::uint8_t last = bytes[i - 1];
        previous = last < 0x80 ? Latin1WordClasses()[last] : WordClass::kOther;
        continue;
      }
      decode_until = i + 16;
    }
#else
    // ASCII is never complex: skip it eight bytes at a time.
    if (i + 8 <= n && EightBytesAreAscii(bytes + i)) {
      i += 8;
      previous = Latin1WordClasses()[bytes[i - 1]];
      continue;
    }
#endif
    const std::int64_t here = i;
    const WordClass current = scan.Next(i);
    if (IsKanaKanji(current) || current == WordClass::kThai) {
      // A run for one of ICU's dictionaries: split here when its neighbours
      // set it apart as one segment of ICU's rules.
      const bool thai = current == WordClass::kThai;
      const auto leaves_apart = thai ? LeavesThaiApart : LeavesKanaKanjiApart;
      std::int64_t run_end = i;
      WordClass after = WordClass::kOther;  // the class after the run
      while (run_end < n) {
        std::int64_t next = run_end;
        after = scan.Next(next);
        if (thai ? !IsThai(after) : !IsKanaKanji(after)) break;
        run_end = next;
        after = WordClass::kOther;
      }
      if (leaves_apart(ClassBefore(bytes, here)) && leaves_apart(after)) {
        if (static_cast<std::size_t>(here) > done) {
          SegmentSimple(text.substr(done, static_cast<std::size_t>(here) - done), sinks.token);
        }
        const std::string_view run =
            text.substr(static_cast<std::size_t>(here), static_cast<std::size_t>(run_end - here));
        (thai ? sinks.thai : sinks.kana_kanji)(run);
        done = static_cast<std::size_t>(run_end);
        i = run_end;
        previous = current;  // what follows leaves the run apart, so it is no mark
        continue;
      }
    }
    // Complex characters, dictionary runs that something joins, and "_" or a
    // Hangul syllable followed by marks (to which ICU gives no word status,
    // unlike the rules above) go to ICU.
    const bool complex = current == WordClass::kComplex || IsKanaKanji(current) || IsThai(current) ||
                         (current == WordClass::kExtend &&
                          (previous == WordClass::kExtendNumLet || previous == WordClass::kHangul));
    previous = current;
    if (!complex) continue;
    const std::size_t from = RestartPointBefore(text, done, static_cast<std::size_t>(here));
    const std::size_t to = RestartPointAfter(text, static_cast<std::size_t>(i));
    if (from > done) SegmentSimple(text.substr(done, from - done), sinks.token);
    sinks.needs_icu(text.substr(from, to - from));
    done = to;
    i = static_cast<std::int64_t>(to);
    previous = WordClass::kOther;  // a restart point follows a space or a line feed
  }
  if (done < text.size()) SegmentSimple(text.substr(done), sinks.token);
}

}  // namespace vocabcount::internal
