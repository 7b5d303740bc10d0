// Deterministic synthetic text corpora for vocabcount benchmarks: Zipf-distributed
// words synthesized from syllables, laid out in lines, written as exactly N bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace vocabcount::generator {

// Which writing systems the vocabulary words are drawn from.
enum class Mix {
  kEnglish,       // Latin lowercase syllables, some words Capitalized
  kMultilingual,  // each word is Latin, Cyrillic, Hangul, Han or Thai
};

inline constexpr std::uint64_t kDefaultSeed = 1;
inline constexpr std::uint64_t kDefaultVocabulary = 100000;
inline constexpr double kDefaultZipfExponent = 1.0;
// The vocabulary is built in memory up front (a string and a CDF entry per
// word), so it is bounded to keep that under about a gigabyte.
inline constexpr std::uint64_t kMaxVocabulary = 10000000;
inline constexpr double kMaxZipfExponent = 10.0;

struct GeneratorOptions {
  std::uint64_t bytes = 0;  // exact output size
  std::uint64_t seed = kDefaultSeed;
  std::uint64_t vocabulary = kDefaultVocabulary;  // distinct words, 1..kMaxVocabulary
  double zipf_exponent = kDefaultZipfExponent;    // 0 (uniform)..kMaxZipfExponent
  Mix mix = Mix::kEnglish;
};

// Receives the output in consecutive blocks (about 1 MiB each). Returns false
// to stop the generation, e.g. after a write error.
using BlockWriter = std::function<bool(std::string_view block)>;

// Returns a message saying what is wrong with the options, or nothing.
std::optional<std::string> ValidateOptions(const GeneratorOptions& options);

// Writes the corpus described by `options` through `write`. The output
// depends only on the options: the same options give the same bytes on every
// platform and compiler. Returns false if `write` did, or at once (writing
// nothing) if ValidateOptions() rejects the options.
//
// Size: exactly options.bytes bytes of UTF-8. The text is cut after
// bytes - 1 bytes, moved back to a character boundary if the cut fell inside a
// multi-byte character, padded with up to 3 spaces, and ended with '\n'.
// The last word may thus be a prefix of a vocabulary word, the last line is
// shorter than the others, and bytes == 1 gives "\n", bytes == 0 nothing.
bool GenerateCorpus(const GeneratorOptions& options, const BlockWriter& write);

// The same, into a stream; returns false if the stream went bad.
bool GenerateCorpus(const GeneratorOptions& options, std::ostream& out);

// "123", "64K", "256M", "1G": a byte count with an optional binary suffix
// (K, M, G = 2^10, 2^20, 2^30; either case). Nothing on syntax error or overflow.
std::optional<std::uint64_t> ParseByteCount(std::string_view text);

// "english" or "multilingual".
std::optional<Mix> ParseMix(std::string_view text);

}  // namespace vocabcount::generator
