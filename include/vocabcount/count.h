// The library's entry point: count the tokens of files, directories and stdin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vocabcount/options.h"
#include "vocabcount/problem.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount {

// N-grams of one order counted (occurrences, not distinct ones).
struct NgramOrderCount {
  int order = 0;
  std::uint64_t ngrams = 0;
};

// Why a run used fewer threads than it was given.
enum class ThreadLimit {
  kNone,
  kSmallInput,    // the inputs fit in one work unit: another thread would idle
  kMemoryBudget,  // the budget cannot give each worker its share
  kSortedMerge,   // vocabularies sorted by token are merged as streams, on one thread
};

struct CountStats {
  std::uint64_t inputs = 0;             // inputs read to the end
  std::uint64_t inputs_skipped = 0;     // inputs that could not be read (keep_going)
  std::uint64_t compressed_inputs = 0;  // of `inputs`, those that were compressed
  std::uint64_t bytes = 0;              // text bytes read from them (decompressed)
  std::uint64_t stored_bytes = 0;       // bytes read from storage (compressed)
  std::uint64_t tokens = 0;             // token occurrences counted (n-grams: all orders)
  std::uint64_t distinct_tokens = 0;    // before --min-count / --top
  std::uint64_t ill_formed_sequences = 0;
  std::uint64_t long_tokens = 0;      // not counted: longer than Options::max_token_bytes
  std::uint64_t jsonl_lines = 0;      // JSON Lines read (jsonl_field set)
  std::uint64_t jsonl_bad_lines = 0;  // of those, lines without the string field
  bool jsonl = false;                 // the inputs were read as JSON Lines
  double seconds = 0;                 // wall time of the whole count
  int threads = 0;                    // worker threads used
  int threads_asked = 0;              // Options::threads, or the usable cores for 0
  ThreadLimit thread_limit = ThreadLimit::kNone;  // why `threads` < `threads_asked`
  // The word tokenizer's own dictionary engines (written for ICU 72) were
  // used; false for other tokenizers, and on another ICU, where ICU's
  // BreakIterator segments the dictionary scripts instead.
  bool native_segmenters = false;
  // The memory budget, and how it was kept.
  std::uint64_t memory_budget = 0;
  std::uint64_t peak_table_bytes = 0;  // the folded counts' tables at their largest
  std::uint64_t partitions = 0;        // of the counts (split ones included)
  std::uint64_t spilled_bytes = 0;     // written to the temporary file, compressed
  std::uint64_t spilled_runs = 0;      // times the counts were written out
  std::uint64_t merge_passes = 0;      // merges of spilled partitions before the last
  // When counting n-grams: how many of each order, lowest order first.
  std::vector<NgramOrderCount> ngrams_by_order;
};

// An input with ill-formed UTF-8: such bytes separate tokens and are never
// part of one; this says where the first was and how many sequences there were.
struct IllFormedInput {
  std::string path;
  std::uint64_t first_offset = 0;
  std::uint64_t sequences = 0;
};

// An input with tokens longer than Options::max_token_bytes (or cut by a
// forced cut), which are not counted: where the first starts (unknown in JSON Lines, whose strings
// are not where they sit in the file) and how many there were.
struct LongTokenInput {
  std::string path;
  std::optional<std::uint64_t> first_offset;
  std::uint64_t tokens = 0;
  // Places where a stretch longer than Options::stretch_bytes() without a
  // line feed, ASCII space or control character was cut; a token reaching
  // one is among `tokens`.
  std::uint64_t forced_cuts = 0;
};

// An input with JSON Lines that are not objects holding a string at the
// field: the first such line (1-based) and how many there were.
struct BadJsonlInput {
  std::string path;
  std::uint64_t first_line = 0;
  std::uint64_t lines = 0;
  std::string first_reason;  // why the first one was rejected
};

// A warning about one input, as data: its kind, where (the first place
// concerned) and how many; `what` says it in a sentence, the same for every
// front end.
struct Warning {
  enum class Kind {
    kIllFormedUtf8,  // count: sequences (IllFormedInput)
    kLongTokens,     // count: tokens left out (LongTokenInput)
    kForcedCuts,     // count: places cut (LongTokenInput)
    kBadJsonl,       // count: lines (BadJsonlInput)
    // A directory named as an input whose walk found no file to read: it
    // holds none, or --include / --exclude left out all it holds. count:
    // the files they left out; path: the directory as named.
    kNothingToRead,
  };
  Kind kind = Kind::kIllFormedUtf8;
  std::string path;
  std::optional<std::uint64_t> byte_offset;
  std::optional<std::uint64_t> line;  // 1-based
  std::uint64_t count = 0;
  std::string what;
  // "path:offset: what" or "path: line N: what", as Problem shows it.
  std::string ToString() const;
};

struct CountReport {
  // True when every input was read, or skipped and reported with keep_going
  // while something could be read: only then does `vocabulary` hold a
  // result worth writing. When keep_going could read nothing at all, the
  // last error says so ("no input could be read; nothing is written").
  bool finished = false;
  Vocabulary vocabulary;
  CountStats stats;
  // Inputs that could not be read (and failures of the run itself). Unless
  // Options::keep_going, the first one stops the run: an incomplete vocabulary
  // must not pass for a complete one.
  std::vector<Problem> errors;
  std::vector<IllFormedInput> ill_formed;   // in input order
  std::vector<LongTokenInput> long_tokens;  // in input order
  // In input order; with Options::strict_jsonl such inputs are in `errors`
  // instead, each with its first bad line.
  std::vector<BadJsonlInput> bad_jsonl;
  // Directories named whose walk found no file to read, then the three
  // lists above, in that order, as warnings, each in words.
  std::vector<Warning> warnings;

  bool ok() const { return finished && errors.empty(); }
};

// Counts the tokens of every input. A path is a file, a directory (walked
// recursively in sorted order, regular files only) or "-" for standard input.
// The vocabulary does not depend on thread count, chunk size or input order.
CountReport Count(const std::vector<std::string>& paths, const Options& options);

// The same count, with the entries handed to `sink` in output order instead of
// held in the report's vocabulary: a vocabulary larger than memory is never
// held whole. Entries come only when the count finished.
CountReport Count(const std::vector<std::string>& paths, const Options& options,
                  const EntrySink& sink);

// Counts the tokens of text held in memory, as if it were one input.
CountReport CountText(std::string_view text, const Options& options,
                      const EntrySink& sink = nullptr);

}  // namespace vocabcount
