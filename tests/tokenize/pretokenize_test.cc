// The pre-tokenizer patterns (gpt2, cl100k, o200k) against a backtracking
// regex engine, their character classes against ICU, the cut rule against the
// pieces it must keep whole, and the byte-level form and UTF-8 repair that
// turn pieces into what trainers count.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "input/utf8_repair.h"
#include "support/backtracking_pieces.h"
#include "support/word_exactness.h"
#include "tokenize/byte_level.h"
#include "tokenize/piece_class.h"
#include "tokenize/piece_cut.h"
#include "tokenize/pretokenize.h"
#include "vocabcount/count.h"
#include "vocabcount/write.h"

namespace vocabcount::internal {
namespace {

using testing::HexBytes;
using testing::ReferencePieces;
using Pieces = std::vector<std::string>;

constexpr PiecePattern kPatterns[] = {PiecePattern::kGpt2, PiecePattern::kCl100k,
                                      PiecePattern::kO200k};

const char* NameOf(PiecePattern pattern) {
  switch (pattern) {
    case PiecePattern::kGpt2: return "gpt2";
    case PiecePattern::kCl100k: return "cl100k";
    case PiecePattern::kO200k: return "o200k";
  }
  return "?";
}

Pieces Split(PiecePattern pattern, std::string_view text) {
  Pieces pieces;
  SplitPieces(pattern, text, [&](std::string_view piece) { pieces.emplace_back(piece); });
  return pieces;
}

// "[piece] [piece] ", with bytes outside printable ASCII as \xNN, so that
// spaces, line ends and ill-formed bytes can be told apart.
std::string Show(const Pieces& pieces) {
  std::string out;
  for (const std::string& piece : pieces) {
    out += '[';
    for (const unsigned char c : piece) {
      if (c >= 0x20 && c < 0x7F && c != '\\') {
        out += static_cast<char>(c);
      } else {
        static constexpr char kHex[] = "0123456789abcdef";
        out += {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
      }
    }
    out += "] ";
  }
  return out;
}

// An empty string when the matcher splits `text` as the reference does;
// else the pattern, the text and both splits, for Catch to print.
std::string DifferenceFromReference(PiecePattern pattern, std::string_view text) {
  const Pieces expected = ReferencePieces(pattern, text);
  const Pieces actual = Split(pattern, text);
  if (actual == expected) return "";
  return std::string(NameOf(pattern)) + " on " + HexBytes(text) + "\n  expected " +
         Show(expected) + "\n  actual   " + Show(actual);
}

TEST_CASE("The reference splits as Python's regex.findall does", "[pieces]") {
  // Each expectation printed by Python's regex module.
  struct Case {
    PiecePattern pattern;
    std::string text;
    Pieces pieces;
  };
  const Case cases[] = {
      {PiecePattern::kGpt2,
       "I'm  fine,\n\n thanks!!  ",
       {"I", "'m", " ", " fine", ",", "\n\n", " thanks", "!!", "  "}},
      {PiecePattern::kGpt2,
       "he'LL pay 1234567 \u017F's",
       {"he", "'", "LL", " pay", " 1234567", " \u017F", "'s"}},
      {PiecePattern::kCl100k,
       "HELLO'S 12345 world\r\n\r\n  x",
       {"HELLO", "'S", " ", "123", "45", " world", "\r\n\r\n", " ", " x"}},
      {PiecePattern::kCl100k, "they'\u017F .\n\nok ''", {"they", "'\u017F", " .\n\n", "ok", " ''"}},
      {PiecePattern::kCl100k, "don't  ..\n/", {"don", "'t", " ", " ..\n", "/"}},
      {PiecePattern::kO200k,
       "HelloWorld ABCdef'S\n/x",
       {"Hello", "World", " ABCdef'S", "\n", "/x"}},
      {PiecePattern::kO200k,
       "\u01C5a \u02B0A a\u0301 \u0301 'LL",
       {"\u01C5a", " \u02B0", "A", " a\u0301", " \u0301", " '", "LL"}},
      {PiecePattern::kO200k, "1234567 ..\n//", {"123", "456", "7", " ..\n//"}},
  };
  for (const Case& c : cases) {
    INFO(NameOf(c.pattern) << " on " << Show({c.text}));
    CHECK(Show(ReferencePieces(c.pattern, c.text)) == Show(c.pieces));
    CHECK(Show(Split(c.pattern, c.text)) == Show(c.pieces));
  }
}

TEST_CASE("Pieces equal the reference on hand-picked text", "[pieces]") {
  const std::string texts[] = {
      // Contractions in every case, with LONG S, after letters, and near misses.
      "'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'Re", "'rE", "'VE", "'vE",
      "'M", "'LL", "'Ll", "'lL", "'D", "'\u017F", "'\u017Fs", "\u2019s", "it\u2019s", "don't",
      "DON'T", "I'M", "we'Ve", "he'd've", "JOHN'S", "John's", "it'\u017F", "'", "''", "''s", "'x",
      "'l", "'r", "'v", "'lx", "'rx", " 's", " 'S", "\n's", "x'sy", "'s'", "O'NEIL'S", "McDonald's",
      "HELLO's", "a'", "A'", "'\u0301", "\u0301's", "'\u212A",
      // Number runs of 1 to 7, in other scripts, next to letters.
      "1", "12", "123", "1234", "12345", "123456", "1234567", " 1234567", "a1234567b",
      "\u0663\u0663\u0663\u0663", "\u00BD\u00B2\u00B3\u2153", "\u216B1", "1.5", "x 12 y", "1\u0301",
      // Space runs before letters, punctuation, numbers and the end.
      "a  b", "a   .", "a   ", "   ", " ", "\t\ta", "  \u00A0a", "\u3000\u3000x", " \u00A0 x",
      "a \u2028 b", "  1", "  !", ". .", " . ", "\u00A0.", "\x0B\x0C" "a", "\x1C\x1D a", " \u0085a",
      // CR and LF mixtures.
      "\r\n", "a\r\n", "a\r\nb", "a \r\n b", "\n\n\n", " \n \n ", "\r\r\n\n", "a.\r\n", ".\n\n",
      "!!\r\n\r\nb", "  \n  ", "\n  x", "x\n", "\u0085\n", "\n\u0085", "\x85\n", " \r", "\r ",
      "\r\n \r\n", "\t\n\t",
      "a\n\nb", ".\r\r\r.", "1\n", "\n1",
      // '/' after line ends (o200k's [\r\n/]*).
      ".\n/", "a\n/", "\n/", ".//\n//", "x/\n/y", "a.\n/b", "\r\n/\r\n/", " /\n", "/\n/\n", ".\n /",
      // Marks alone, after letters, numbers and punctuation.
      "\u0301", " \u0301", "a\u0301", "A\u0301", "\u0301a", "\u0301A", "e\u0301\u0301",
      "\u0928\u092E\u0938\u094D\u0924\u0947", "\u0903", "\u20DD", ".\u0301", "\u0301.", " \u0301a",
      "A\u0301b", "\u0301\u0301's", "\n\u0301",
      // Title case, modifier and other letters.
      "\u01C5", "\u01C5a", "a\u01C5", "A\u01C5", "\u01C5A", "\u01C5's", " \u01C5", "\u1F88\u1F88",
      "\u02B0", "A\u02B0", "\u02B0A", "a\u02B0b", "\u3005", "\u4E2D\u6587", "A\u4E2D", "\u4E2Da",
      "AB\u02B0", "\u02B0's", "A\u02B0'S", "\u02B0\u02B0a", ".\u02B0", " \u4E2D\u6587'S",
      // Case changes inside words.
      "HelloWorld", "ABCdef", "ABC", "abcDEF", "HTTPServer", "iPhone", "aBcDeF", "A", "a", ".A",
      "ABC's", "abc'S", "\u00DF\u1E9E", "\u0130stanbul", "\u03A9\u03C2", "\u1E9E's",
      // Emoji and symbols.
      "\U0001F600", "\U0001F600\U0001F600", " \U0001F600", "a\U0001F600b", "\U0001F44D\U0001F3FD",
      "1\uFE0F\u20E3", "\u2764\uFE0F", "\u00A9 2024", "$100", "#hash", "@user",
      // Ill-formed UTF-8 (read as U+FFFD, a symbol) and NUL.
      "\xFF", "a\xFF" "b", " \xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xF0\x9F\x98",
      "\xF0\x9F\x98" "a", "\x80\x80", "'\xFF", "a\xC3", "\xC0\xAF", "\xF4\x90\x80\x80", "\xFF\n/",
      "\xFF" "'s", "\xC3" "A", "\xE2\x82\n", std::string(1, '\0'), std::string("a\0b", 3),
      // Longer mixtures.
      "Hello, world! It's 2024.\n\nWe'RE here  \t\n  and there/\n/  ",
      "    def f(x):\r\n        return x // 2\r\n",
      "\u6771\u4EAC\u306F\u6674\u308C\u3002 \u0928\u092E\u0938\u094D\u0924\u0947 "
      "\u0926\u0941\u0928\u093F\u092F\u093E",
  };
  for (const std::string& text : texts) {
    for (const PiecePattern pattern : kPatterns) {
      CHECK(DifferenceFromReference(pattern, text) == "");
    }
  }
}

// Pieces for random text: every class and every pair the patterns tell
// apart, contractions and their near misses, runs of each kind, and
// ill-formed bytes.
const std::vector<std::string>& Alphabet() {
  static const std::vector<std::string> pieces = {
      "a", "Z", "q", "e", "E", "s", "S", "l", "L", "\u00E9", "\u01C5", "\u02B0", "\u3005",
      "\u4E2D", "\u0301", "\u0903", "\u20DD", "7", "0", "\u0663", "\u216B", "\u00BD", "\u00B2",
      " ", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\u00A0", "\u3000", "\u2028", "\u0085",
      "\x0B", "\x0C", "\x1C", "'", "'", "\u2019", "'s", "'S", "'ll", "'LL", "'Re", "'ve", "'d",
      "'M", "'t", "'\u017F", "'l", "'r", "\u017F", ".", ",", "/", "/", "//", "!", "-", "\U0001F600",
      "\U0001F44D\U0001F3FD", "\uFFFD", std::string(1, '\0'), "Hello", "World", "ABC", "def",
      "123", "4567", "\u00DF", "\u0130", "\u212A", "\uFB00", "\u1F88", "\U0001D400", "\U0001D7CF",
      "\U00010400", "\u3131", "\uD55C", "\u30FC", "\u03A9", "\u03C2", "\xFF", "\x80", "\xC3",
      "\xE2\x82", "\xED\xA0\x80", "\xF0\x9F\x98"};
  return pieces;
}

// `rounds` random texts of 1 to 60 pieces each.
std::vector<std::string> RandomTexts(int rounds, std::uint64_t seed) {
  std::mt19937_64 random = testing::ExactnessRandom(seed);
  const auto& alphabet = Alphabet();
  std::vector<std::string> texts;
  for (int round = 0; round < rounds; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 60) + 1;
    for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    texts.push_back(std::move(text));
  }
  return texts;
}

TEST_CASE("Pieces equal the reference on random text", "[pieces]") {
  const std::vector<std::string> texts = RandomTexts(testing::ExactnessRounds(10000), 20261207);
  for (const PiecePattern pattern : kPatterns) {
    for (std::size_t round = 0; round < texts.size(); ++round) {
      const std::string difference = DifferenceFromReference(pattern, texts[round]);
      if (!difference.empty()) {
        INFO("round " << round);
        REQUIRE(difference == "");
      }
    }
  }
  SUCCEED(texts.size() << " random texts agree in each pattern");
}

// The class of a code point straight from ICU, written out again so that
// the table and its shortcuts are checked, not restated.
PieceClass IcuClass(UChar32 c) {
  if (c == '\r' || c == '\n') return PieceClass::kLineEnd;
  if (u_isUWhiteSpace(c)) return PieceClass::kSpace;
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_UPPERCASE_LETTER) return PieceClass::kUpper;
  if (category == U_LOWERCASE_LETTER) return PieceClass::kLower;
  if (category == U_TITLECASE_LETTER) return PieceClass::kTitle;
  if (category == U_MODIFIER_LETTER) return PieceClass::kModifier;
  if (category == U_OTHER_LETTER) return PieceClass::kLetter;
  const auto mask = U_MASK(category);
  if ((mask & (U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK)) != 0) return PieceClass::kNumber;
  if ((mask & (U_GC_MN_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0) return PieceClass::kMark;
  return PieceClass::kOther;
}

TEST_CASE("The ASCII table and PieceClassOf agree with ICU", "[pieces]") {
  for (std::uint32_t c = 0; c < 128; ++c) {
    INFO("U+" << std::hex << c);
    CHECK(kAsciiPieceClass[c] == PieceClassOf(c));
  }
  // Every code point, surrogates included (they never come out of a
  // decoder, but the table covers them); one CHECK for the lot.
  std::uint32_t mismatches = 0, first = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (PieceClassOf(static_cast<std::uint32_t>(c)) != IcuClass(c) && mismatches++ == 0) {
      first = static_cast<std::uint32_t>(c);
    }
  }
  INFO("first mismatch: U+" << std::hex << first);
  CHECK(mismatches == 0);
  CHECK(PieceClassOf(0x110000) == PieceClass::kOther);
  // Decoding: an ill-formed sequence is one U+FFFD of class kOther.
  const PieceChar bad = DecodePieceChar("\xE2\x82" "a", 0);
  CHECK(bad.code == 0xFFFD);
  CHECK(bad.cls == PieceClass::kOther);
  CHECK(bad.end == 2);
}

// Whether the pieces of the two sides of every safe cut of `text`, joined,
// are those of the whole text in every pattern, and every cut that is safe in
// a prefix is safe in the whole; the number of safe cuts is added to `cuts`.
// An empty string, or the first cut that breaks a piece.
std::string BrokenCut(std::string_view text, int& cuts) {
  Pieces whole[std::size(kPatterns)];
  for (std::size_t k = 0; k < std::size(kPatterns); ++k) whole[k] = Split(kPatterns[k], text);
  for (std::size_t p = 1; p < text.size(); ++p) {
    // The reader judges a cut with only some bytes after it read: a cut safe
    // in a prefix must be safe in the whole text.
    for (std::size_t read = p + 1; read < text.size() && read <= p + 4; ++read) {
      if (IsSafePieceCut(text.substr(0, read), p) && !IsSafePieceCut(text, p)) {
        return "a cut at " + std::to_string(p) + " safe with " + std::to_string(read) +
               " bytes read but not in the whole " + HexBytes(text);
      }
    }
    if (!IsSafePieceCut(text, p)) continue;
    ++cuts;
    for (std::size_t k = 0; k < std::size(kPatterns); ++k) {
      Pieces joined = Split(kPatterns[k], text.substr(0, p));
      const Pieces after = Split(kPatterns[k], text.substr(p));
      joined.insert(joined.end(), after.begin(), after.end());
      if (joined != whole[k]) {
        return std::string(NameOf(kPatterns[k])) + " cut at " + std::to_string(p) + " of " +
               HexBytes(text) + "\n  whole " + Show(whole[k]) + "\n  cut   " + Show(joined);
      }
    }
  }
  return "";
}

TEST_CASE("Cutting at a safe piece cut changes no piece", "[pieces]") {
  const std::vector<std::string> texts = RandomTexts(testing::ExactnessRounds(10000), 20261208);
  int cuts = 0;
  for (std::size_t round = 0; round < texts.size(); ++round) {
    const std::string broken = BrokenCut(texts[round], cuts);
    if (!broken.empty()) {
      INFO("round " << round);
      REQUIRE(broken == "");
    }
  }
  CHECK(cuts > static_cast<int>(texts.size()));
}

TEST_CASE("Safe piece cuts are found in ordinary text", "[pieces]") {
  // Where a cut must be found: before the spaces between words, before
  // CJK full stops, between a word and a line end.
  struct Case {
    std::string text;
    std::string before;  // the text a cut is expected before, wherever it occurs
    int at_least;
  };
  const Case cases[] = {
      {"The quick brown fox doesn't jump over 3 lazy dogs.\nIt's 2024, after all.", " ", 12},
      {"\u6771\u4EAC\u306F\u6674\u308C\u3002\u5927\u962A\u306F\u96E8\u3002\u672D\u5E4C\u306F"
       "\u96EA\u3002",
       "\u3002", 3},
      {"\u0928\u092E\u0938\u094D\u0924\u0947 \u0926\u0941\u0928\u093F\u092F\u093E \u0939\u092E "
       "\u092F\u0939\u093E\u0901 \u0939\u0948\u0902",
       " ", 4},
      {"first line\nsecond line\nthird 3\nend", "\n", 3},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    int cuts = 0;
    CHECK(BrokenCut(c.text, cuts) == "");
    int expected = 0;
    for (std::size_t p = c.text.find(c.before, 1); p != std::string::npos;
         p = c.text.find(c.before, p + 1)) {
      INFO("before byte " << p);
      CHECK(IsSafePieceCut(c.text, p));
      ++expected;
    }
    CHECK(expected >= c.at_least);
    CHECK(cuts >= expected);
  }
  // Nowhere to cut: inside a word, a number, a run of spaces, or a
  // character's bytes.
  CHECK_FALSE(IsSafePieceCut("words", 2));
  CHECK_FALSE(IsSafePieceCut("12345", 2));
  CHECK_FALSE(IsSafePieceCut("a   b", 2));
  CHECK_FALSE(IsSafePieceCut("\u6771\u4EAC", 1));
  CHECK_FALSE(IsSafePieceCut("a's", 1));
}

// The code points of the UTF-8 in `text` (ill-formed sequences as -1).
std::vector<UChar32> CodePoints(std::string_view text) {
  std::vector<UChar32> out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c);
  }
  return out;
}

TEST_CASE("The byte-level form is GPT-2's bytes_to_unicode", "[pieces]") {
  std::set<UChar32> images;
  for (int byte = 0; byte < 256; ++byte) {
    INFO("byte " << byte);
    std::string form;
    AppendByteLevel(std::string(1, static_cast<char>(byte)), form);
    const std::vector<UChar32> code_points = CodePoints(form);
    REQUIRE(code_points.size() == 1);
    const UChar32 c = code_points[0];
    // Printable: no control, format, space, surrogate or unassigned code point.
    CHECK(u_isgraph(c));
    images.insert(c);
    const bool own = (byte >= 0x21 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xAC) ||
                     (byte >= 0xAE && byte <= 0xFF);
    CHECK((own ? c == byte : c >= 0x100));
  }
  CHECK(images.size() == 256);
  // The others count up from U+0100 in byte order: NUL, ..., space, DEL,
  // 0x80, ..., NBSP, soft hyphen.
  const auto form = [](std::string_view bytes) {
    std::string out;
    AppendByteLevel(bytes, out);
    return out;
  };
  CHECK(form(" ") == "\u0120");   // Ġ
  CHECK(form("\n") == "\u010A");  // Ċ
  CHECK(form(std::string(1, '\0')) == "\u0100");
  CHECK(form("\x7F") == "\u0121");
  CHECK(form("\xA0") == "\u0142");
  CHECK(form("\xAD") == "\u0143");
  CHECK(form(" Hello\r\n") == "\u0120Hello\u010D\u010A");
  CHECK(form("\xC3\xA9") == "\u00C3\u00A9");  // é as its two bytes
  CHECK(IsOwnByteLevel("Hello,world!"));
  CHECK_FALSE(IsOwnByteLevel(" Hello"));
  CHECK_FALSE(IsOwnByteLevel("\xC3\xA9"));
}

TEST_CASE("RepairedUtf8 replaces each maximal subpart and maps offsets back", "[pieces]") {
  struct Case {
    std::string original;
    std::string repaired;  // as Python's bytes.decode("utf-8", errors="replace")
    int replacements;
  };
  const Case cases[] = {
      {"plain \u00E9 \U0001F600", "plain \u00E9 \U0001F600", 0},
      {"kept \uFFFD", "kept \uFFFD", 0},
      {"a\xFF" "b", "a\uFFFD" "b", 1},
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},
      {"x\xE2\x82", "x\uFFFD", 1},
      {"\xF0\x9F\x98z", "\uFFFDz", 1},
      {"\xC0\xAF", "\uFFFD\uFFFD", 2},
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4},
      {"\xF5\xFF\xFE", "\uFFFD\uFFFD\uFFFD", 3},
      {"\xE2\x82\xAC\xE2\x82", "\u20AC\uFFFD", 1},
      {"\xF0\x9F\x98\xF0\x9F\x98\x80", "\uFFFD\U0001F600", 1},
  };
  RepairedUtf8 repaired;
  for (const Case& c : cases) {
    INFO(HexBytes(c.original));
    repaired.Repair(c.original);
    CHECK(repaired.text() == c.repaired);
    const auto count = [](std::string_view text) {
      int n = 0;
      for (std::size_t at = text.find("\uFFFD"); at != std::string_view::npos;
           at = text.find("\uFFFD", at + 1)) {
        ++n;
      }
      return n;
    };
    CHECK(count(repaired.text()) - count(c.original) == c.replacements);
    CHECK(repaired.OriginalOffset(repaired.text().size()) == c.original.size());
  }

  // Offsets, byte by byte: within a replacement, the start of what it replaced.
  repaired.Repair("a\xFF" "b\xE2\x82" "cd");
  REQUIRE(repaired.text() == "a\uFFFD" "b\uFFFD" "cd");
  const std::uint64_t expected[] = {0, 1, 1, 1, 2, 3, 3, 3, 5, 6, 7};
  for (std::uint64_t offset = 0; offset < std::size(expected); ++offset) {
    INFO("offset " << offset);
    CHECK(repaired.OriginalOffset(offset) == expected[offset]);
  }
  repaired.Repair("\xED\xA0\x80" "x");
  const std::uint64_t surrogate[] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 4};
  for (std::uint64_t offset = 0; offset < std::size(surrogate); ++offset) {
    INFO("offset " << offset);
    CHECK(repaired.OriginalOffset(offset) == surrogate[offset]);
  }
  // Repairing again forgets the last text's replacements.
  repaired.Repair("clean");
  CHECK(repaired.text() == "clean");
  CHECK(repaired.OriginalOffset(3) == 3);
}

}  // namespace

TEST_CASE("The library refuses what pieces cannot be, whoever calls it", "[pieces]") {
  Options options;
  options.tokenizer = TokenizerKind::kCl100k;
  options.ngram_max = 2;
  CountReport report = CountText("a b c\n", options);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].ToString().find("n-grams cannot be counted with the pre-tokenizers") !=
        std::string::npos);
  CHECK_FALSE(report.ok());

  options = {};
  options.raw_pieces = true;
  report = CountText("a b c\n", options);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].ToString().find("raw pieces go only with the pre-tokenizers") !=
        std::string::npos);

  options.tokenizer = TokenizerKind::kGpt2;
  CHECK(PieceOptionsProblem(options).empty());
  CHECK(CountText("a b\n", options).ok());
  for (const OutputFormat format : {OutputFormat::kTsv, OutputFormat::kGlove}) {
    CHECK(WriteOptionsProblem(options, {.format = format}).find("--format json") !=
          std::string::npos);
  }
  CHECK(WriteOptionsProblem(options, {.format = OutputFormat::kJson}).empty());
  options.raw_pieces = false;
  CHECK(WriteOptionsProblem(options, {}).empty());
}

}  // namespace vocabcount::internal
