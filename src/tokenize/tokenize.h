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
};

// Who splits the word tokenizer's runs of kana and kanji and of Thai: its
// own engines (native: ICU's dictionary engines redone on UTF-8, exact for the
// ICU they were copied from), or ICU's BreakIterator, slower but right on any
// ICU.
enum class DictionaryEngines { kNative, kIcu };

// kNative when built against the ICU major version the native engines were
// written for, kIcu otherwise.
DictionaryEngines DefaultDictionaryEngines();

// `engines` matters only to TokenizerKind::kWord; tests force kIcu to
// compare the two.
absl::StatusOr<std::unique_ptr<Tokenizer>> MakeTokenizer(
    TokenizerKind kind, DictionaryEngines engines = DefaultDictionaryEngines());

// Looks up what of ICU's data a tokenizer of `kind` may need, so that a run
// fails at set-up, before any input is read, rather than mid-run: the word
// tokenizer makes its ICU iterator and segmenters only when text first needs
// them. For kWord: ICU's word break rules, and with the native engines the
// CJK engine's NFKC data when ICU has the CJK dictionary. Nothing is loaded:
// a small input the fast path counts alone never pays for it. A dictionary
// ICU's data lacks is no error (ICU's iterator then takes those runs, as it
// would itself). The other tokenizers need only ICU's character properties,
// built into ICU.
absl::Status ProbeIcuData(TokenizerKind kind, DictionaryEngines engines);

}  // namespace vocabcount::internal
