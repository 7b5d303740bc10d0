// One worker of the parallel stage: what it owns (a tokenizer, a normalizer,
// its own counter), and counting one work unit with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "count/folded_counts.h"
#include "input/jsonl_field.h"
#include "input/jsonl_lines.h"
#include "input/unit_source.h"
#include "input/utf8_repair.h"
#include "input/utf8_scan.h"
#include "ngram/ngram_window.h"
#include "table/counter.h"
#include "tokenize/long_tokens.h"
#include "tokenize/normalize.h"
#include "tokenize/tokenize.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

// What one worker owns: nothing in it is shared, so counting takes no lock.
struct Worker {
  std::unique_ptr<Tokenizer> tokenizer;
  TokenNormalizer normalizer;
  // Tokens as they are in the text, normalized in place when the tables are
  // handed on (see normalize_counts.h); or n-grams, made of tokens
  // normalized as they come.
  TokenCounter counter;
  // For JSON Lines: the field's extractor, and the strings of a unit.
  std::optional<JsonlField> jsonl;
  std::string jsonl_texts;
  std::size_t max_token_bytes = Options::kDefaultMaxTokenBytes;
  // With n-grams: the unit's window of recent tokens.
  std::optional<NgramWindow> ngrams;
  // Where the counter's tables go once they hold more than handover_bytes;
  // first_partition spreads workers handing over at once across partitions.
  FoldedCounts* folded = nullptr;
  std::size_t handover_bytes = 0;
  std::size_t first_partition = 0;
  // With a pre-tokenizer: each string of a unit (a JSON line's, or a
  // document's) is tokenized alone, and a unit with ill-formed UTF-8 is read
  // with U+FFFD in its place; document_ends are where the strings end in
  // the text tokenized.
  bool pieces = false;
  std::vector<std::size_t> document_ends;
  RepairedUtf8 repaired;
};

// What counting a unit found besides its tokens, for its input's totals.
struct UnitResult {
  std::size_t input_index = 0;
  std::uint64_t offset = 0;  // of the unit's text in the input
  Utf8Scan scan;
  JsonlTally jsonl;
  UnitLongTokens long_tokens;  // offsets from `offset`
  std::uint64_t bytes = 0;     // of the unit's text, from `offset`
  UnitNgrams ngrams;           // with n-grams: the unit's edges and tally
};

// What the work on one unit handed out found: its result, or for an unread
// file the results of its units in input order, and what reading it found.
struct WorkResults {
  std::size_t input_index = 0;
  std::vector<UnitResult> units;
  std::optional<InputRead> read;
};

// Whether the worker's counter holds tokens still to be normalized.
bool CountsRawTokens(const Worker& worker);

// Normalizes the tokens of the worker's counter in place if they are raw,
// so that its tables hold normal forms only: before each hand-over of its
// tables, and before they are folded at the end. Throws std::runtime_error
// when a token cannot be normalized.
void NormalizeRawCounts(Worker& worker);

// Tokenizes `unit` into the worker's own counter (or its n-grams, all but
// those across the unit's cuts) and notes its ill-formed bytes, bad JSON
// lines and long tokens. Hands the counter's tables over
// when they have outgrown the worker's share. Throws std::runtime_error when a
// token cannot be normalized (ICU out of memory, say).
UnitResult CountUnit(Worker& worker, const Unit& unit);

// CountUnit on `unit`, or on each unit of its file, which the worker opens
// and reads itself when the unit is unread (UnitSource::ReadUnread).
WorkResults CountWork(Worker& worker, const UnitSource& source, const Unit& unit);

}  // namespace vocabcount::internal
