// Checking options before a run: every problem at once, each in the words the
// command line uses, so that every front end reports the same sentences.
#pragma once

#include <string>
#include <vector>

#include "vocabcount/options.h"
#include "vocabcount/write.h"

namespace vocabcount {

// What a run does with its inputs: count their tokens, count documents handed
// over in memory (CountDocuments), which are neither JSON Lines nor files to
// walk or deal to shards, or sum vocabularies written earlier
// (MergeVocabularies), which takes no tokenizing options.
enum class RunKind { kCount, kDocuments, kMerge };

// What a run will be given besides its Options, as far as the caller knows.
struct RunShape {
  RunKind kind = RunKind::kCount;
  // The inputs as named ("-" is standard input); standard input cannot be
  // dealt to a shard.
  const std::vector<std::string>* paths = nullptr;
  // The output's format, when the caller writes one: raw pieces need JSON,
  // GloVe's lines n-grams without whitespace, a header TSV.
  const WriteOptions* write = nullptr;
};

// Every problem with `options` for a run of `shape`, in the order of the
// options table (settings.h), each naming the option it concerns as the
// command line spells it ("--ngrams: ..."); empty when the run may start.
// Count, CountText and MergeVocabularies refuse options with problems, with
// these messages as the report's errors. Budgets below kMinMemoryBytes are
// not a problem here: tests use them to make small runs spill (the options
// table refuses them).
std::vector<std::string> ValidateOptions(const Options& options, const RunShape& shape = {});

// What in valid `options` will not work as asked on this machine, each in a
// sentence naming the option as the command line spells it: a memory budget
// larger than this process may use (physical memory, or its control group's
// limit), which cannot keep the run within memory. Front ends show these as
// warnings before the run; the run goes ahead as asked.
std::vector<std::string> OptionWarnings(const Options& options);

}  // namespace vocabcount
