// What a counting run does: how text is cut into tokens, how each token is
// normalized, how the work is spread over threads, and which entries are kept.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vocabcount {

enum class TokenizerKind {
  kWord,        // Unicode word segmentation (UAX #29), as ICU's word BreakIterator
  kWhitespace,  // maximal runs of characters that are neither White_Space nor Cc
  // The pre-tokenizers of byte-pair-encoding tokenizers: every match of the
  // published pattern is a piece, found over the whole text of one input (or
  // one JSON Lines document) as Python's regex.findall finds them, spaces and
  // line ends included. The text is UTF-8 with each ill-formed sequence read
  // as U+FFFD (as Python's errors="replace" decodes it).
  kGpt2,    // GPT-2's (openai/gpt-2 encoder.py; HF's ByteLevel)
  kCl100k,  // tiktoken's cl100k_base, also Llama 3's pattern
  kO200k,   // tiktoken's o200k_base
};

// Whether `kind` is one of the pre-tokenizers, which count pieces.
constexpr bool IsPieceTokenizer(TokenizerKind kind) {
  return kind == TokenizerKind::kGpt2 || kind == TokenizerKind::kCl100k ||
         kind == TokenizerKind::kO200k;
}

// Case mapping runs before normalization, so the output is always in the
// requested normal form (a case mapping may produce unnormalized text).
enum class CaseMapping {
  kNone,
  kLower,  // full Unicode lowercase, root locale (Python's str.lower())
  kFold,   // full Unicode case folding (Python's str.casefold())
};

enum class Normalization { kNone, kNfc, kNfkc };

// The output order. Both are total orders.
enum class SortOrder {
  kCount,  // count descending, then token bytes ascending
  kToken,  // token bytes ascending: the form of partial vocabularies to merge
};

// How far a run has got, for a progress display. Bytes are those read from
// the inputs as stored (compressed inputs count their compressed bytes).
struct Progress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;  // of the inputs whose size is known
  // Inputs whose size is not known (streams, pipes): while there are any,
  // the share done and the time left are unknown.
  std::uint64_t unsized_inputs = 0;
  std::uint64_t inputs_done = 0;
  std::uint64_t inputs_total = 0;
  double seconds = 0;  // since the run started
};
// Called from one thread at a time, often (after every work unit read): the
// callee decides how often to draw.
using ProgressCallback = std::function<void(const Progress&)>;

struct Options {
  TokenizerKind tokenizer = TokenizerKind::kWord;
  CaseMapping case_mapping = CaseMapping::kNone;
  Normalization normalization = Normalization::kNone;

  // With a pre-tokenizer: pieces are counted in GPT-2's byte-level form
  // (each byte of the piece's UTF-8 as one printable character: " the" is
  // "Ġthe", a line feed "Ċ"), which is what BPE trainers read and what TSV
  // can hold; with raw_pieces, as they are in the text (spaces, tabs and line
  // ends included: write them as JSON). Case mapping and normalization apply
  // to the piece first. PieceOptionsProblem() checks the combinations.
  bool raw_pieces = false;

  // N-grams: with ngram_max > 1, the vocabulary holds every run of n
  // consecutive tokens, for each n from ngram_min to ngram_max (1 <= ngram_min
  // <= ngram_max <= kMaxNgramOrder), written as its tokens (each case-mapped
  // and normalized) joined by ngram_separator. An n-gram never spans a line
  // end (LF, CR LF or a lone CR), the end of a JSON Lines document or of an
  // input, a token left out as too long, or a forced cut; it does span what
  // the tokenizer skips between tokens (spaces, punctuation, symbols,
  // ill-formed bytes). The separator is not empty and holds no tab, LF or CR
  // (which would break the output's lines); the default, one space, is in no
  // token of either tokenizer. NgramOptionsProblem() checks all this.
  int ngram_min = 1;
  int ngram_max = 1;
  std::string ngram_separator = " ";
  static constexpr int kMaxNgramOrder = 16;
  bool counts_ngrams() const { return ngram_max > 1; }

  // Worker threads, up to kMaxThreads; 0 means every core this process may
  // run on.
  int threads = 0;
  static constexpr int kMaxThreads = 1024;
  // Target size of one work unit. Units end at safe boundaries (never inside a
  // token), so the output does not depend on this; tests set it as low as 1.
  std::size_t chunk_bytes = std::size_t{1} << 20;

  // Tokens longer than this many bytes (before normalization) are not
  // counted: past a few KiB a token is a blob (base64, minified code, a
  // sequence), not a word. They are reported (CountStats::long_tokens and
  // CountReport::long_tokens) instead. The limit also bounds each worker's
  // memory: a stretch of text without a line feed, an ASCII space or an ASCII
  // control character is cut every kStretchFactor * max_token_bytes bytes
  // (at least 1 MiB), and a token that reaches such a cut counts as too long
  // (in a stretch that long, only a token longer than the limit can). From 1
  // to kMaxTokenBytesLimit.
  std::size_t max_token_bytes = kDefaultMaxTokenBytes;
  static constexpr std::size_t kDefaultMaxTokenBytes = std::size_t{64} << 10;
  static constexpr std::size_t kMaxTokenBytesLimit = std::size_t{16} << 20;
  static constexpr std::size_t kStretchFactor = 16;
  // The longest stretch without a line feed, ASCII space or ASCII control
  // character that is not cut: long enough that in text with spaces or line
  // breaks at all, only a token over the limit reaches a cut, and short
  // enough, with the unit size, for ICU's 32-bit offsets.
  std::size_t stretch_bytes() const {
    const std::size_t limit =
        max_token_bytes < kMaxTokenBytesLimit ? max_token_bytes : kMaxTokenBytesLimit;
    const std::size_t stretch = kStretchFactor * limit;
    return stretch > (std::size_t{1} << 20) ? stretch : std::size_t{1} << 20;
  }

  // The memory budget in bytes; 0 means half of what this process may use
  // (the smaller of physical memory and its cgroup's limit). Counting stays
  // exact at any vocabulary size: past the budget, counts are written to a
  // temporary file in temp_dir and summed partition by partition at the end.
  // The process's peak resident memory stays within the budget plus a fixed
  // overhead of at most 64 MiB for budgets from 256 MiB up; smaller ones are
  // for tests (the options table, settings.h, refuses them).
  std::uint64_t memory_bytes = 0;
  static constexpr std::uint64_t kMinMemoryBytes = std::uint64_t{256} << 20;
  // Where to spill; empty means $TMPDIR, else /tmp. The file has no name
  // (O_TMPFILE, or unlinked at once) and mode 0600, so nothing is left behind.
  // Every run checks the directory before reading anything (by making such
  // a file and closing it, once per directory in a process) and does not
  // start when it cannot be used.
  std::string temp_dir;

  // Skip inputs that cannot be read (each is reported) instead of stopping;
  // a run where no input could be read at all still does not finish.
  bool keep_going = false;
  // Follow symbolic links met while walking directories.
  bool follow_symlinks = false;

  // Entries with a smaller count are dropped; top == 0 keeps every entry,
  // otherwise the `top` first entries in count order are kept (and then
  // written in `sort` order).
  std::uint64_t min_count = 1;
  std::uint64_t top = 0;
  SortOrder sort = SortOrder::kCount;

  // JSON Lines: when not empty, every line of every input is a JSON object
  // and only the string at this field is counted. A dotted path ("meta.text")
  // names a field of nested objects. Lines that are not JSON objects or lack
  // a string there are counted as bad lines; with strict_jsonl the first one
  // is an input error.
  std::string jsonl_field;
  bool strict_jsonl = false;

  // Filters for the files found when walking directories (paths named
  // directly are always read): glob patterns (fnmatch) matched against the
  // path below the directory named. A file is read when it matches some
  // `include` pattern (or there are none) and no `exclude` pattern.
  std::vector<std::string> include;
  std::vector<std::string> exclude;

  // Read only part `shard_index` (0-based) of `shard_count` parts of the
  // input list. Inputs are dealt by size, largest first, each to the part
  // with the fewest bytes so far (ties: the lower part; equal sizes: path
  // order), so parts are balanced and every process given the same list
  // agrees on them.
  int shard_index = 0;
  int shard_count = 1;

  ProgressCallback progress;

  // When set, another thread may store true to stop the run early (a front
  // end's Ctrl-C): reading stops at the next unit, finishing at the next
  // partition or entry, and the report is not finished, with the error
  // kInterrupted. The flag must outlive the run.
  const std::atomic<bool>* cancel = nullptr;
  static constexpr const char* kInterrupted = "interrupted";
  bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

// What is wrong with the pre-tokenizer settings of `options`, or an empty
// string: n-grams with a pre-tokenizer (a piece holds its own spaces, so
// pieces are not joined), or raw_pieces without one. The message starts with
// the option as the command line spells it; ValidateOptions reports it.
std::string PieceOptionsProblem(const Options& options);

// What is wrong with the n-gram settings of `options`, or an empty string:
// the orders out of range, or an empty separator or one holding a tab, LF, CR
// or ill-formed UTF-8, naming the option as the command line spells it.
// ValidateOptions reports it.
std::string NgramOptionsProblem(const Options& options);

}  // namespace vocabcount
