// The three pre-tokenizer patterns as hand-written matchers: each alternative
// becomes a test on the first one or two characters and a run over a class,
// in the pattern's order, with the backtracking the pattern implies worked
// out once (see each function).
#include "tokenize/pretokenize.h"

#include <array>

#include "tokenize/piece_class.h"

namespace vocabcount::internal {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Each byte's class as a set, with no class for the bytes that start or
// continue a multi-byte character: the ASCII loop of RunEnd stops at them.
constexpr std::array<ClassSet, 256> kByteSets = [] {
  std::array<ClassSet, 256> sets{};
  for (int byte = 0; byte < 0x80; ++byte) sets[byte] = Set(kAsciiPieceClass[byte]);
  return sets;
}();

// The end of the run of characters in `set` that starts at i (i if none).
inline std::size_t RunEnd(std::string_view text, std::size_t i, ClassSet set) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (;;) {
    while (i < size && (kByteSets[bytes[i]] & set) != 0) ++i;
    if (i >= size || bytes[i] < 0x80) return i;
    const PieceChar c = DecodeNonAscii(text, i);
    if (!In(c.cls, set)) return i;
    i = c.end;
  }
}

// Where the commonest pieces start, in all three patterns: at an ASCII letter
// (a word), or at a space before one (a word after a space). The offset of
// that letter, or kNone. Tried before anything else, so that the branch that
// picks the alternative is the same for most pieces.
inline std::size_t AsciiWordStart(std::string_view text, std::size_t i) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if ((kByteSets[bytes[i]] & kLetters) != 0) return i;
  if (bytes[i] == ' ' && i + 1 < text.size() && (kByteSets[bytes[i + 1]] & kLetters) != 0) {
    return i + 1;
  }
  return kNone;
}

// The end of a run of CR, LF and '/' from i: o200k's [\r\n/]*.
inline std::size_t LineEndOrSlashRunEnd(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == '\r' || text[i] == '\n' || text[i] == '/')) ++i;
  return i;
}

// What a contraction letter matches as: itself, or with (?i) its ASCII
// lowercase; U+017F LONG S is the one other character that regex's simple
// case folding makes equal to one of them ('s'). 0 for anything else.
inline char ContractionLetter(const PieceChar& c, bool ignore_case) {
  if (c.code < 0x80) {
    const char letter = static_cast<char>(c.code);
    if (ignore_case && letter >= 'A' && letter <= 'Z') return static_cast<char>(letter - 'A' + 'a');
    return letter;
  }
  return ignore_case && c.code == 0x17F ? 's' : 0;
}

// 's|'t|'re|'ve|'m|'ll|'d at i (where text[i] is the apostrophe): the end, or
// kNone. No two alternatives share their second letter, so order is moot.
std::size_t ContractionEnd(std::string_view text, std::size_t i, bool ignore_case) {
  const std::size_t size = text.size();
  if (i + 1 >= size) return kNone;
  const PieceChar first = DecodePieceChar(text, i + 1);
  const char a = ContractionLetter(first, ignore_case);
  if (a == 's' || a == 't' || a == 'm' || a == 'd') return first.end;
  if ((a != 'r' && a != 'v' && a != 'l') || first.end >= size) return kNone;
  const PieceChar second = DecodePieceChar(text, first.end);
  const char b = ContractionLetter(second, ignore_case);
  return (a == 'l' ? b == 'l' : b == 'e') ? second.end : kNone;
}

// The white-space alternatives at i, where a white-space run starts:
// \s*[\r\n]+ (cl100k, o200k) ends after the run's last line end, since \s*
// gives back characters from the end of the run until a line end follows it;
// \s+(?!\S) takes the whole run at the end of the text, else all but its
// last character (the one followed by a non-space), which needs two; \s+
// takes the lone character that is left.
std::size_t WhiteSpaceEnd(std::string_view text, std::size_t i, bool line_end_alternative) {
  std::size_t end = i, last_start = i, after_line_end = kNone;
  int characters = 0;
  while (end < text.size()) {
    const PieceChar c = DecodePieceChar(text, end);
    if (!In(c.cls, kWhite)) break;
    if (c.cls == PieceClass::kLineEnd) after_line_end = c.end;
    last_start = end;
    end = c.end;
    ++characters;
  }
  if (line_end_alternative && after_line_end != kNone) return after_line_end;
  if (end == text.size() || characters == 1) return end;
  return last_start;
}

// ' ?X+' for the class X of the character after a leading space at i, or
// kNone when no such alternative applies there.
std::size_t SpaceThenRun(std::string_view text, const PieceChar& space, ClassSet allowed,
                         PieceChar* next) {
  if (space.code != ' ' || space.end >= text.size()) return kNone;
  *next = DecodePieceChar(text, space.end);
  return In(next->cls, allowed) ? next->end : kNone;
}

std::size_t Gpt2End(std::string_view text, std::size_t i) {
  // ' ?\p{L}+', as below.
  if (const std::size_t word = AsciiWordStart(text, i); word != kNone) {
    return RunEnd(text, word + 1, kLetters);
  }
  const PieceChar c = DecodePieceChar(text, i);
  if (c.code == '\'') {
    if (const std::size_t end = ContractionEnd(text, i, false); end != kNone) return end;
  }
  // ' ?\p{L}+', ' ?\p{N}+', ' ?[^\s\p{L}\p{N}]+': the space goes with a
  // run of any of the three classes, which are disjoint.
  PieceChar next{};
  if (SpaceThenRun(text, c, kLetters | kNumbers | kPunctuation, &next) != kNone) {
    const ClassSet run = In(next.cls, kLetters) ? kLetters
                         : In(next.cls, kNumbers) ? kNumbers
                                                  : kPunctuation;
    return RunEnd(text, next.end, run);
  }
  if (In(c.cls, kLetters)) return RunEnd(text, c.end, kLetters);
  if (In(c.cls, kNumbers)) return RunEnd(text, c.end, kNumbers);
  if (In(c.cls, kPunctuation)) return RunEnd(text, c.end, kPunctuation);
  return WhiteSpaceEnd(text, i, false);
}

// \p{N}{1,3} at i, whose character `c` is a number.
std::size_t UpToThreeNumbers(std::string_view text, const PieceChar& c) {
  std::size_t end = c.end;
  for (int more = 0; more < 2 && end < text.size(); ++more) {
    const PieceChar next = DecodePieceChar(text, end);
    if (next.cls != PieceClass::kNumber) break;
    end = next.end;
  }
  return end;
}

// ' ?[^\s\p{L}\p{N}]+' followed by cl100k's [\r\n]* or o200k's [\r\n/]*.
std::size_t PunctuationEnd(std::string_view text, const PieceChar& c, bool slash) {
  PieceChar next{};
  std::size_t from = SpaceThenRun(text, c, kPunctuation, &next);
  if (from == kNone) {
    if (!In(c.cls, kPunctuation)) return kNone;
    from = c.end;
  }
  const std::size_t end = RunEnd(text, from, kPunctuation);
  return slash ? LineEndOrSlashRunEnd(text, end) : RunEnd(text, end, Set(PieceClass::kLineEnd));
}

std::size_t Cl100kEnd(std::string_view text, std::size_t i) {
  // '[^\r\n\p{L}\p{N}]?\p{L}+', as below.
  if (const std::size_t word = AsciiWordStart(text, i); word != kNone) {
    return RunEnd(text, word + 1, kLetters);
  }
  const PieceChar c = DecodePieceChar(text, i);
  if (c.code == '\'') {
    if (const std::size_t end = ContractionEnd(text, i, true); end != kNone) return end;
  }
  // [^\r\n\p{L}\p{N}]?\p{L}+: the optional character is taken when letters
  // follow it, else the match must start with a letter.
  if (In(c.cls, kLetters)) return RunEnd(text, c.end, kLetters);
  if (In(c.cls, kLetterPrefix) && c.end < text.size()) {
    const PieceChar next = DecodePieceChar(text, c.end);
    if (In(next.cls, kLetters)) return RunEnd(text, next.end, kLetters);
  }
  if (c.cls == PieceClass::kNumber) return UpToThreeNumbers(text, c);
  if (const std::size_t end = PunctuationEnd(text, c, false); end != kNone) return end;
  return WhiteSpaceEnd(text, i, true);
}

// o200k's first letter alternative without its optional first character,
// from s: [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+. The
// greedy first run takes every "upper" character; if a "lower" one follows,
// the second run goes on from there; else the first run gives back
// characters until its last "lower" one (Lm, Lo and M are both), which the
// second run takes alone. kNone when there is none.
std::size_t CasedLettersEnd(std::string_view text, std::size_t s) {
  std::size_t end = s, after_lower = kNone;
  while (end < text.size()) {
    const PieceChar c = DecodePieceChar(text, end);
    if (!In(c.cls, kUpperish)) {
      if (In(c.cls, kLowerish)) return RunEnd(text, c.end, kLowerish);
      break;
    }
    if (In(c.cls, kLowerish)) after_lower = c.end;
    end = c.end;
  }
  return after_lower;
}

// o200k's second letter alternative from s: [...upper]+[...lower]*. Tried
// only where the first failed, so its run holds no "lower" character and
// none follows it: the match is the run.
std::size_t UpperLettersEnd(std::string_view text, std::size_t s) {
  const std::size_t end = RunEnd(text, s, kUpperish);
  return end > s ? end : kNone;
}

// `end`, or the end of (?i:'s|'t|'re|'ve|'m|'ll|'d) there: what follows
// o200k's letters.
std::size_t WithContraction(std::string_view text, std::size_t end) {
  if (end < text.size() && text[end] == '\'') {
    if (const std::size_t with = ContractionEnd(text, end, true); with != kNone) return with;
  }
  return end;
}

std::size_t O200kEnd(std::string_view text, std::size_t i) {
  // The first letter alternative, as below: with the space as its first
  // character, or from the letter.
  if (const std::size_t word = AsciiWordStart(text, i); word != kNone) {
    if (const std::size_t end = CasedLettersEnd(text, word); end != kNone) {
      return WithContraction(text, end);
    }
  }
  const PieceChar c = DecodePieceChar(text, i);
  // Each letter alternative first with its optional first character, then
  // without: the order a backtracking engine tries them in.
  const bool prefix = In(c.cls, kLetterPrefix);
  std::size_t end = prefix ? CasedLettersEnd(text, c.end) : kNone;
  if (end == kNone) end = CasedLettersEnd(text, i);
  if (end == kNone && prefix) end = UpperLettersEnd(text, c.end);
  if (end == kNone) end = UpperLettersEnd(text, i);
  if (end != kNone) return WithContraction(text, end);
  if (c.cls == PieceClass::kNumber) return UpToThreeNumbers(text, c);
  if (const std::size_t punctuation = PunctuationEnd(text, c, true); punctuation != kNone) {
    return punctuation;
  }
  return WhiteSpaceEnd(text, i, true);
}

template <std::size_t (*End)(std::string_view, std::size_t)>
void Split(std::string_view text, absl::FunctionRef<void(std::string_view)> sink) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = End(text, start);
    sink(text.substr(start, end - start));
    start = end;
  }
}

}  // namespace

PiecePattern PiecePatternOf(TokenizerKind kind) {
  switch (kind) {
    case TokenizerKind::kGpt2: return PiecePattern::kGpt2;
    case TokenizerKind::kO200k: return PiecePattern::kO200k;
    default: return PiecePattern::kCl100k;
  }
}

std::size_t PieceEnd(PiecePattern pattern, std::string_view text, std::size_t start) {
  switch (pattern) {
    case PiecePattern::kGpt2: return Gpt2End(text, start);
    case PiecePattern::kCl100k: return Cl100kEnd(text, start);
    case PiecePattern::kO200k: return O200kEnd(text, start);
  }
  return text.size();
}

void SplitPieces(PiecePattern pattern, std::string_view text,
                 absl::FunctionRef<void(std::string_view)> sink) {
  switch (pattern) {
    case PiecePattern::kGpt2: return Split<Gpt2End>(text, sink);
    case PiecePattern::kCl100k: return Split<Cl100kEnd>(text, sink);
    case PiecePattern::kO200k: return Split<O200kEnd>(text, sink);
  }
}

}  // namespace vocabcount::internal
