// What a counting run does: how text is cut into tokens, how each token is
// normalized, how the work is spread over threads, and which entries are kept.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vocabcount {

enum class TokenizerKind {
  kWord,        // Unicode word segmentation (UAX #29), as ICU's word BreakIterator
  kWhitespace,  // maximal runs of characters that are neither White_Space nor Cc
};

// Case mapping runs before normalization, so the output is always in the
// requested normal form (a case mapping may produce unnormalized text).
enum class CaseMapping {
  kNone,
  kLower,  // full Unicode lowercase, root locale (Python's str.lower())
  kFold,   // full Unicode case folding (Python's str.casefold())
};

enum class Normalization { kNone, kNfc, kNfkc };

struct Options {
  TokenizerKind tokenizer = TokenizerKind::kWord;
  CaseMapping case_mapping = CaseMapping::kNone;
  Normalization normalization = Normalization::kNone;

  // Worker threads; 0 means every core this process may run on.
  int threads = 0;
  // Target size of one work unit. Units end at safe boundaries (never inside a
  // token), so the output does not depend on this; tests set it as low as 1.
  std::size_t chunk_bytes = std::size_t{1} << 20;

  // Skip inputs that cannot be read (each is reported) instead of stopping.
  bool keep_going = false;
  // Follow symbolic links met while walking directories.
  bool follow_symlinks = false;

  // Entries with a smaller count are dropped; top == 0 keeps every entry.
  std::uint64_t min_count = 1;
  std::uint64_t top = 0;
};

}  // namespace vocabcount
