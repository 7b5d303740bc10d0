// Cutting UTF-8 text into tokens, reported as views into the text.
#pragma once

#include <memory>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

using TokenSink = absl::FunctionRef<void(std::string_view token)>;

// One tokenizer per worker: it may keep state (ICU's iterator) between calls.
// Ill-formed UTF-8 separates tokens and is never part of one.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  // Calls `sink` for each token of `text`, in order. `text` must be shorter
  // than 2 GiB (ICU's break iterator works with 32-bit offsets).
  virtual absl::Status Tokenize(std::string_view text, TokenSink sink) = 0;
  // A tokenizer of the same kind for another worker.
  virtual absl::StatusOr<std::unique_ptr<Tokenizer>> Clone() const = 0;
};

absl::StatusOr<std::unique_ptr<Tokenizer>> MakeTokenizer(TokenizerKind kind);

}  // namespace vocabcount::internal
