// The checks every run's options pass before any input is read, for each
// entry point of the library and every front end alike.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "input/jsonl_field.h"
#include "vocabcount/settings.h"
#include "vocabcount/validate.h"

namespace vocabcount {
namespace {

// A merge sums what the parts wrote: it neither tokenizes nor joins n-grams.
void CheckMerge(const Options& options, std::vector<std::string>& problems) {
  const Options defaults;
  if (!options.jsonl_field.empty()) problems.push_back("--merge and --jsonl cannot be combined");
  if (options.tokenizer != defaults.tokenizer || options.case_mapping != defaults.case_mapping ||
      options.normalization != defaults.normalization ||
      options.max_token_bytes != defaults.max_token_bytes) {
    problems.push_back(
        "--merge cannot be combined with --tokenizer, --lower, --casefold, --nfc, --nfkc or "
        "--max-token-bytes (give them when counting the parts)");
  }
  if (options.ngram_min != defaults.ngram_min || options.ngram_max != defaults.ngram_max ||
      options.ngram_separator != defaults.ngram_separator) {
    problems.push_back(
        "--merge cannot be combined with --ngrams or --ngram-separator (a merge sums n-gram "
        "vocabularies as they are; give them when counting the parts)");
  }
  if (options.raw_pieces) {
    problems.push_back(
        "--merge cannot be combined with --raw-pieces (give it when counting the parts)");
  }
  if (options.shard_count != 1 || options.shard_index != 0) {
    problems.push_back("--shard and --merge cannot be combined");
  }
}

// How text becomes tokens and n-grams, and whether the output can hold them.
void CheckCount(const Options& options, const WriteOptions* write,
                std::vector<std::string>& problems) {
  for (std::string problem : {NgramOptionsProblem(options), PieceOptionsProblem(options)}) {
    if (!problem.empty()) problems.push_back(std::move(problem));
  }
  // An option that can have no effect with the others given is refused, as
  // --strict-jsonl without --jsonl is: the user meant something else.
  if (!options.counts_ngrams() && options.ngram_separator != Options().ngram_separator) {
    problems.push_back(
        "--ngram-separator goes only with --ngrams N or M-N where N is 2 or more (without "
        "n-grams, no tokens are joined)");
  }
  if (write == nullptr) return;
  // GloVe reads "token count" lines split at whitespace (C's isspace).
  if (write->format == OutputFormat::kGlove && options.counts_ngrams() &&
      options.ngram_separator.find_first_of(" \t\n\v\f\r") != std::string::npos) {
    problems.push_back(
        "--format glove: GloVe splits its lines at whitespace, so an n-gram must not hold any; "
        "give an --ngram-separator without whitespace (e.g. --ngram-separator _)");
  }
  if (std::string problem = WriteOptionsProblem(options, *write); !problem.empty()) {
    problems.push_back(std::move(problem));
  }
}

// Documents in memory are text already, and not files.
void CheckDocuments(const Options& options, std::vector<std::string>& problems) {
  if (!options.jsonl_field.empty()) {
    problems.push_back("--jsonl: documents handed over in memory are text, not JSON Lines");
  }
  if (options.shard_count != 1 || options.shard_index != 0) {
    problems.push_back("--shard: documents handed over in memory cannot be dealt to parts");
  }
  if (!options.include.empty() || !options.exclude.empty()) {
    problems.push_back("--include and --exclude filter the files of a directory, not documents");
  }
  if (options.follow_symlinks) {
    problems.push_back(
        "--follow: documents handed over in memory have no symbolic links to follow");
  }
  if (options.keep_going) {
    problems.push_back(
        "--keep-going: documents handed over in memory are one input, which cannot be skipped");
  }
}

}  // namespace

std::vector<std::string> ValidateOptions(const Options& options, const RunShape& shape) {
  std::vector<std::string> problems;
  if (shape.kind == RunKind::kMerge) {
    CheckMerge(options, problems);
  } else {
    CheckCount(options, shape.write, problems);
    if (shape.kind == RunKind::kDocuments) CheckDocuments(options, problems);
  }
  if (options.max_token_bytes < 1 || options.max_token_bytes > Options::kMaxTokenBytesLimit) {
    problems.push_back("--max-token-bytes: " + std::to_string(options.max_token_bytes) +
                       " is not from 1 to " + MaxTokenBytesRange());
  }
  if (shape.write != nullptr && shape.write->header && shape.write->format != OutputFormat::kTsv) {
    problems.push_back("--header goes only with --format tsv");
  }
  if (options.threads < 0 || options.threads > Options::kMaxThreads) {
    problems.push_back("--threads: " + std::to_string(options.threads) + " is not from 1 to " +
                       std::to_string(Options::kMaxThreads) + " (or 0: the usable cores)");
  }
  // The field's syntax is the JSON Lines reader's to say.
  if (!options.jsonl_field.empty() && !internal::JsonlField::Create(options.jsonl_field).ok()) {
    problems.push_back("--jsonl: FIELD needs a key, or keys joined by dots (\"" +
                       options.jsonl_field + "\" has an empty key)");
  }
  if (options.strict_jsonl && options.jsonl_field.empty()) {
    problems.push_back("--strict-jsonl goes only with --jsonl");
  }
  if (options.shard_count < 1 || options.shard_index < 0 ||
      options.shard_index >= options.shard_count) {
    problems.push_back("--shard: part " + std::to_string(options.shard_index) + " of " +
                       std::to_string(options.shard_count) +
                       " does not exist (parts are 0 to N-1)");
  }
  // Each process has its own standard input: it cannot be dealt to one part.
  if (options.shard_count > 1 && shape.paths != nullptr &&
      std::find(shape.paths->begin(), shape.paths->end(), "-") != shape.paths->end()) {
    problems.push_back("--shard: standard input cannot be divided into parts; name the files");
  }
  if (options.chunk_bytes < 1) problems.push_back("--chunk-size: 0 is not a unit size");
  return problems;
}

}  // namespace vocabcount
