// The work of the parallel stage on one unit: UTF-8 check (or the strings of
// JSON lines), tokenizing, the length filter, normalizing, and counting tokens
// or n-grams.
#include "count/worker.h"

#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "count/normalize_counts.h"
#include "ngram/line_ends.h"

namespace vocabcount::internal {
namespace {

// JSON lines are parsed where they sit in the read blocks.
static_assert(ChunkReader::kPaddingBytes >= kJsonlPaddingBytes);

// `token` normalized (a view into the normalizer's buffer, valid until the
// next call), or nullopt when normalizing failed: the first failure is kept
// in `status`.
std::optional<std::string_view> Normalized(Worker& worker, std::string_view token,
                                           absl::Status& status) {
  absl::StatusOr<std::string_view> normalized = worker.normalizer.Apply(token);
  if (normalized.ok()) return *normalized;
  if (status.ok()) status = normalized.status();
  return std::nullopt;
}

void ThrowIfFailed(const absl::Status& status) {
  if (!status.ok()) throw std::runtime_error(std::string(status.message()));
}

// Hands the counter's tables over once they have outgrown the worker's share.
void HandOverIfFull(Worker& worker) {
  if (worker.folded == nullptr) return;
  worker.counter.Settle();
  if (worker.counter.filled_bytes() <= worker.handover_bytes) return;
  // The shared tables hold normal forms only: raw tokens are mapped first.
  NormalizeRawCounts(worker);
  worker.folded->TakeOver(worker.counter, worker.first_partition);
}

// Measures the worker's tables every so many entries counted, not only
// between units: one unit of long n-grams (sixteen orders, each n-gram new)
// adds several times a worker's share, more than the plan sets aside.
class HandOverClock {
 public:
  explicit HandOverClock(Worker& worker) : worker_(worker) {}
  void Counted(std::size_t entries) {
    if (entries < left_) {
      left_ -= entries;
      return;
    }
    left_ = kEntriesBetweenChecks;
    HandOverIfFull(worker_);
  }

 private:
  // A check sums 256 partitions' sizes: every few thousand entries it costs
  // nothing, and the tables outgrow the share by at most this many entries.
  static constexpr std::size_t kEntriesBetweenChecks = 8192;
  Worker& worker_;
  std::size_t left_ = kEntriesBetweenChecks;
};

// Tokenizes one unit into the worker's own counter, leaving out the tokens
// `filter` does not keep. Tokens are views into `text`, valid until this
// returns; they are normalized later, once per distinct token. With
// `documents`, the ends of the JSON Lines strings in `text`, each is
// tokenized alone: a pre-tokenizer's piece could otherwise take the line
// feed between two.
absl::Status CountTokens(Worker& worker, std::string_view text, TokenFilter& filter,
                         const std::vector<std::size_t>* documents) {
  HandOverClock clock(worker);
  auto count = [&](std::string_view token) {
    if (!filter.Keep(token)) return;
    worker.counter.AddSoon(token);
    clock.Counted(1);
  };
  absl::Status status;
  if (documents == nullptr) {
    status = worker.tokenizer->Tokenize(text, count);
  } else {
    std::size_t begin = 0;
    for (const std::size_t end : *documents) {
      if (status.ok()) status = worker.tokenizer->Tokenize(text.substr(begin, end - begin), count);
      begin = end + 1;  // past the line feed
    }
  }
  worker.counter.Settle();
  return status;
}

// Tokenizes one unit into n-grams in the worker's own counter, leaving out
// those across the unit's cuts, and returns what its edges hold for them.
absl::Status CountNgrams(Worker& worker, std::string_view text, TokenFilter& filter,
                         const InputPiece& piece, UnitNgrams& edges) {
  NgramWindow& window = *worker.ngrams;
  window.StartUnit(piece.forced_start);
  LineEnds line_ends(text);
  const char* gap_start = text.data();
  HandOverClock clock(worker);
  absl::Status status;
  absl::Status tokenized = worker.tokenizer->Tokenize(text, [&](std::string_view token) {
    // Each token ends an n-gram of every order, at most.
    clock.Counted(window.orders());
    if (line_ends.Between(gap_start, token.data())) window.Break();
    gap_start = token.data() + token.size();
    // A token left out ends the sequence: no n-gram may join its neighbours.
    if (!filter.Keep(token)) return window.Break();
    // The window copies the token: a normalized one may go at the next call.
    // Most tokens of a text are their own normal form, known at a glance.
    if (worker.normalizer.changes_nothing() || worker.normalizer.Keeps(token)) {
      return window.Push(token, worker.counter);
    }
    if (auto normalized = Normalized(worker, token, status))
      window.Push(*normalized, worker.counter);
  });
  if (piece.forced_end || line_ends.Between(gap_start, text.data() + text.size())) window.Break();
  worker.counter.Settle();
  edges = window.FinishUnit();
  return tokenized.ok() ? status : tokenized;
}

}  // namespace

bool CountsRawTokens(const Worker& worker) {
  return !worker.ngrams && !worker.normalizer.changes_nothing();
}

void NormalizeRawCounts(Worker& worker) {
  if (CountsRawTokens(worker)) ThrowIfFailed(NormalizeCounts(worker.counter, worker.normalizer));
}

UnitResult CountUnit(Worker& worker, const Unit& unit) {
  std::string_view text = unit.piece.data;
  std::uint64_t offset = unit.piece.offset;
  // A byte order mark opens an input; it is not text. Documents handed over
  // in memory are text already.
  if (offset == 0 && !unit.document_ends && text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    offset = 3;
  }
  UnitResult result{.input_index = unit.input_index, .offset = offset};
  const std::vector<std::size_t>* documents = nullptr;
  bool repaired = false;
  if (worker.jsonl) {
    // Ill-formed UTF-8 in a line makes it invalid JSON: a bad line.
    result.jsonl = ExtractTexts(*worker.jsonl, text, unit.piece.first_line, worker.jsonl_texts,
                                worker.pieces ? &worker.document_ends : nullptr);
    text = worker.jsonl_texts;
    if (worker.pieces) documents = &worker.document_ends;
  } else {
    result.scan = ScanUtf8(text);
    // Pieces are cut from the text as Python decodes it. Units end between
    // whole characters, so each unit repaired alone gives the same text.
    if (worker.pieces && result.scan.bad_sequences > 0) {
      worker.repaired.Repair(text);
      text = worker.repaired.text();
      repaired = true;
    }
    // The other tokenizers need no document ends: the line feed between two
    // documents ends tokens and n-grams.
    if (worker.pieces && unit.document_ends) {
      documents = unit.document_ends.get();
      if (repaired) {
        worker.document_ends.clear();
        for (const std::size_t end : *documents) {
          worker.document_ends.push_back(worker.repaired.RepairedOffset(end));
        }
        documents = &worker.document_ends;
      }
    }
  }
  TokenFilter filter(text, worker.max_token_bytes, unit.piece.forced_start, unit.piece.forced_end);
  absl::Status status = worker.ngrams ? CountNgrams(worker, text, filter, unit.piece, result.ngrams)
                                      : CountTokens(worker, text, filter, documents);
  ThrowIfFailed(status);
  HandOverIfFull(worker);
  result.long_tokens = filter.left_out();
  if (repaired) {
    // Warnings name offsets in the input, not in its repaired copy.
    UnitLongTokens& left_out = result.long_tokens;
    left_out.first_offset = worker.repaired.OriginalOffset(left_out.first_offset);
    left_out.end_token_offset = worker.repaired.OriginalOffset(left_out.end_token_offset);
  }
  result.bytes = unit.piece.offset + unit.piece.data.size() - offset;
  return result;
}

WorkResults CountWork(Worker& worker, const UnitSource& source, const Unit& unit) {
  WorkResults results{.input_index = unit.input_index};
  if (!unit.unread) {
    results.units.push_back(CountUnit(worker, unit));
    return results;
  }
  results.read = source.ReadUnread(
      unit, [&](const Unit& piece) { results.units.push_back(CountUnit(worker, piece)); });
  return results;
}

}  // namespace vocabcount::internal
