// Output bytes must not depend on thread count, work-unit size or input order,
// and must equal the plain-ICU reference over each whole text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include <unicode/utf8.h>

#include "support/reference_counter.h"
#include "support/test_support.h"
#include "tokenize/pretokenize.h"

namespace vocabcount::testing {
namespace {

std::string Reference(std::string_view text, bool lower = false) {
  ReferenceCounts counts;
  ReferenceCountWords(text, lower, counts);
  return ReferenceTsv(counts);
}

TEST_CASE("Random text: every chunk size gives the reference counts", "[determinism]") {
  std::mt19937 random(20261123);
  for (int round = 0; round < 150; ++round) {
    const std::string text = RandomText(random, 60);
    const std::string expected = Reference(text);
    for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 64, 1 << 20}) {
      Options options;
      options.chunk_bytes = chunk;
      options.threads = 2;
      INFO("round " << round << ", chunk " << chunk);
      REQUIRE(CountTextTsv(text, options) == expected);
    }
  }
}

TEST_CASE("Threads and chunk sizes do not change output bytes", "[determinism]") {
  std::string corpus;
  for (const std::string& path : CorpusTexts()) corpus += ReadFile(path);
  std::mt19937 random(11);
  corpus += RandomText(random, 5000);
  for (bool lower : {false, true}) {
    const std::string expected = Reference(corpus, lower);
    for (int threads : {1, 2, 3, 8}) {
      for (std::size_t chunk : {1, 7, 4096, 1 << 20}) {
        Options options;
        options.threads = threads;
        options.chunk_bytes = chunk;
        options.case_mapping = lower ? CaseMapping::kLower : CaseMapping::kNone;
        INFO(threads << " threads, chunk " << chunk << (lower ? ", lower" : ""));
        CHECK(CountTextTsv(corpus, options) == expected);
      }
    }
  }
}

TEST_CASE("Whitespace mode does not depend on threads or chunk size", "[determinism]") {
  std::mt19937 random(5);
  const std::string text = RandomText(random, 20000);
  Options options;
  options.tokenizer = TokenizerKind::kWhitespace;
  const std::string expected = CountTextTsv(text, options);
  for (int threads : {1, 3, 8}) {
    for (std::size_t chunk : {1, 5, 333}) {
      options.threads = threads;
      options.chunk_bytes = chunk;
      INFO(threads << " threads, chunk " << chunk);
      CHECK(CountTextTsv(text, options) == expected);
    }
  }
}

// `text` with each ill-formed sequence as U+FFFD, decoded by hand.
std::string Repaired(std::string_view text) {
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

// GPT-2's byte-level form, from its definition: the printable bytes stand
// for themselves, the others for U+0100 onwards in byte order.
std::string ByteLevel(std::string_view piece) {
  std::string out;
  for (const char byte : piece) {
    int code = 0x100;
    const int value = static_cast<unsigned char>(byte);
    const auto printable = [](int b) {
      return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
    };
    if (printable(value)) {
      code = value;
    } else {
      for (int b = 0; b < value; ++b) code += printable(b) ? 0 : 1;
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  return out;
}

TEST_CASE("Pieces do not depend on threads or chunk size, and are those of the whole text",
          "[determinism][pieces]") {
  std::string corpus;
  for (const std::string& path : CorpusTexts()) corpus += ReadFile(path);
  std::mt19937 random(23);
  corpus += RandomText(random, 3000);
  corpus += "12345678901234567890\r\n\r\n  \t x\r y /z\n/\n'S 'll 'LL\n";
  const std::pair<TokenizerKind, internal::PiecePattern> kinds[] = {
      {TokenizerKind::kGpt2, internal::PiecePattern::kGpt2},
      {TokenizerKind::kCl100k, internal::PiecePattern::kCl100k},
      {TokenizerKind::kO200k, internal::PiecePattern::kO200k}};
  for (const auto& [kind, pattern] : kinds) {
    // The pieces of the whole text, split in one go.
    ReferenceCounts counts;
    internal::SplitPieces(pattern, Repaired(corpus),
                          [&](std::string_view piece) { ++counts[ByteLevel(piece)]; });
    const std::string expected = ReferenceTsv(counts);
    for (int threads : {1, 3}) {
      for (std::size_t chunk : {1, 13, 1 << 20}) {
        Options options;
        options.tokenizer = kind;
        options.threads = threads;
        options.chunk_bytes = chunk;
        INFO(static_cast<int>(kind) << ", " << threads << " threads, chunk " << chunk);
        CHECK(CountTextTsv(corpus, options) == expected);
      }
    }
  }
}

TEST_CASE("Stretches of short pieces with no safe cut are cut at piece ends, not by force",
          "[determinism][pieces][long_tokens]") {
  // Over a megabyte of digits, which cl100k and o200k take three at a time,
  // and of letters changing case, which o200k splits: no place in either
  // where a cut is safe whatever came before.
  std::mt19937 random(29);
  std::string digits = "x";
  for (int i = 0; i < (3 << 19); ++i) digits += static_cast<char>('0' + random() % 10);
  digits += " ";
  std::string cases = digits;
  for (int i = 0; i < (1 << 19); ++i) cases += i % 3 == 0 ? "Ab" : "c";
  cases += "\n";
  // cl100k takes letters as one piece, which the case changes would make a
  // piece over the limit: only o200k gets them.
  const std::tuple<TokenizerKind, internal::PiecePattern, std::string> kinds[] = {
      {TokenizerKind::kCl100k, internal::PiecePattern::kCl100k, digits},
      {TokenizerKind::kO200k, internal::PiecePattern::kO200k, cases}};
  for (const auto& [kind, pattern, text] : kinds) {
    ReferenceCounts counts;
    internal::SplitPieces(pattern, text,
                          [&](std::string_view piece) { ++counts[ByteLevel(piece)]; });
    const std::string expected = ReferenceTsv(counts);
    for (int threads : {1, 2}) {
      for (std::size_t chunk : {std::size_t{1000}, std::size_t{1} << 20}) {
        Options options;
        options.tokenizer = kind;
        options.threads = threads;
        options.chunk_bytes = chunk;
        INFO(static_cast<int>(kind) << ", " << threads << " threads, chunk " << chunk);
        const CountReport report = CountTextForTest(text, options);
        REQUIRE(report.ok());
        CHECK(report.long_tokens.empty());
        CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
      }
    }
  }
  // GPT-2 takes the digits as one piece: over the limit.
  Options options;
  options.tokenizer = TokenizerKind::kGpt2;
  const CountReport report = CountTextForTest(digits, options);
  REQUIRE(report.ok());
  REQUIRE(report.long_tokens.size() == 1);
  CHECK(report.long_tokens[0].tokens == 1);
}

TEST_CASE("Input order does not change output bytes", "[determinism]") {
  std::vector<std::string> paths = CorpusTexts();
  REQUIRE(paths.size() >= 12);
  ReferenceCounts counts;
  for (const std::string& path : paths) ReferenceCountWords(ReadFile(path), false, counts);
  const std::string expected = ReferenceTsv(counts);
  std::mt19937 random(17);
  for (int order = 0; order < 4; ++order) {
    if (order == 1) std::reverse(paths.begin(), paths.end());
    if (order > 1) std::shuffle(paths.begin(), paths.end(), random);
    Options options;
    options.threads = order + 1;
    options.chunk_bytes = order == 3 ? 3 : 1 << 20;
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    INFO("order " << order);
    CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
    CHECK(report.stats.inputs == paths.size());
  }
}

}  // namespace
}  // namespace vocabcount::testing
