// Micro benchmarks of the hot stages, one at a time, on generated text: where
// the time of a count goes (tokenizing, hashing and counting, normalizing,
// UTF-8 checks), next to plain ICU word segmentation of the same text.
#include <benchmark/benchmark.h>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>
#include <vector>

#include "count/counter.h"
#include "count/normalize_counts.h"
#include "count/packed_token.h"
#include "generate_corpus.h"
#include "input/utf8_scan.h"
#include "tokenize/icu_word_iterator.h"
#include "tokenize/normalize.h"
#include "tokenize/tokenize.h"
#include "vocabcount/count.h"

namespace vocabcount {
namespace {

std::string Generate(generator::Mix mix) {
  std::string text;
  generator::GenerateCorpus({.bytes = 16 << 20, .mix = mix}, [&](std::string_view block) {
    text += block;
    return true;
  });
  return text;
}

// 16 MB of generated text of each mix, made once.
const std::string& Text(generator::Mix mix) {
  static const std::string english = Generate(generator::Mix::kEnglish);
  static const std::string multilingual = Generate(generator::Mix::kMultilingual);
  return mix == generator::Mix::kEnglish ? english : multilingual;
}

void Tokenize(benchmark::State& state, TokenizerKind kind, generator::Mix mix) {
  const std::string& text = Text(mix);
  auto tokenizer = internal::MakeTokenizer(kind);
  std::size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    (void)(*tokenizer)->Tokenize(text, [&](std::string_view) { ++tokens; });
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
}

void IcuWordOnly(benchmark::State& state, generator::Mix mix) {
  const std::string& text = Text(mix);
  auto words = internal::NewSettledWordIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  std::size_t tokens = 0;
  for (auto _ : state) {
    (*words)->setText(&utext, status);
    tokens = 0;
    for (int32_t end = (*words)->next(); end != icu::BreakIterator::DONE; end = (*words)->next()) {
      if ((*words)->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++tokens;
    }
    benchmark::DoNotOptimize(tokens);
  }
  utext_close(&utext);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
}

// The tokens of the generated English, as views into it.
std::vector<std::string_view> EnglishTokens(TokenizerKind kind) {
  std::vector<std::string_view> tokens;
  auto tokenizer = internal::MakeTokenizer(kind);
  (void)(*tokenizer)->Tokenize(Text(generator::Mix::kEnglish),
                               [&](std::string_view token) { tokens.push_back(token); });
  return tokens;
}

void CountOnly(benchmark::State& state, TokenizerKind kind) {
  const std::string& text = Text(generator::Mix::kEnglish);
  const std::vector<std::string_view> tokens = EnglishTokens(kind);
  for (auto _ : state) {
    internal::TokenCounter counter;
    for (std::string_view token : tokens) counter.AddSoon(token);
    counter.Settle();
    benchmark::DoNotOptimize(counter.total());
    state.counters["distinct"] = static_cast<double>(counter.distinct());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}

// Packing tokens into hash-map keys, the first step of counting each one:
// two loads and masks for a short token, whatever its length.
void PackKeys(benchmark::State& state) {
  const std::vector<std::string_view> tokens = EnglishTokens(TokenizerKind::kWhitespace);
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (std::string_view token : tokens) {
      const internal::PackedToken key = internal::PackedToken::Of(token);
      sum += key.head ^ key.tail ^ key.size;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}

// Mapping every token as it is counted (the way it was done before) against
// counting the tokens as they are and mapping each distinct one once
// (NormalizeCounts): the same counts, the second at a fraction of the cost.
void Normalize(benchmark::State& state, bool each_distinct_once, CaseMapping case_mapping,
               Normalization normalization) {
  const std::vector<std::string_view> tokens = EnglishTokens(TokenizerKind::kWhitespace);
  auto normalizer = internal::TokenNormalizer::Create(case_mapping, normalization);
  for (auto _ : state) {
    internal::TokenCounter counter;
    if (each_distinct_once) {
      for (std::string_view token : tokens) counter.AddSoon(token);
      (void)internal::NormalizeCounts(counter, *normalizer);
    } else {
      for (std::string_view token : tokens) counter.Add(*normalizer->Apply(token));
    }
    benchmark::DoNotOptimize(counter.total());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}

void ScanUtf8(benchmark::State& state) {
  const std::string& text = Text(generator::Mix::kMultilingual);
  for (auto _ : state) benchmark::DoNotOptimize(internal::ScanUtf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void EndToEnd(benchmark::State& state, TokenizerKind kind) {
  const std::string& text = Text(generator::Mix::kEnglish);
  Options options;
  options.tokenizer = kind;
  options.threads = 1;
  for (auto _ : state) benchmark::DoNotOptimize(CountText(text, options).vocabulary.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK_CAPTURE(Tokenize, word_english, TokenizerKind::kWord, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(Tokenize, word_multilingual, TokenizerKind::kWord, generator::Mix::kMultilingual);
BENCHMARK_CAPTURE(Tokenize, whitespace_english, TokenizerKind::kWhitespace, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(IcuWordOnly, english, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(IcuWordOnly, multilingual, generator::Mix::kMultilingual);
BENCHMARK_CAPTURE(CountOnly, word_tokens, TokenizerKind::kWord);
BENCHMARK_CAPTURE(CountOnly, whitespace_tokens, TokenizerKind::kWhitespace);
BENCHMARK(PackKeys);
BENCHMARK_CAPTURE(Normalize, each_token_lower, false, CaseMapping::kLower, Normalization::kNone);
BENCHMARK_CAPTURE(Normalize, distinct_lower, true, CaseMapping::kLower, Normalization::kNone);
BENCHMARK_CAPTURE(Normalize, each_token_casefold_nfkc, false, CaseMapping::kFold,
                  Normalization::kNfkc);
BENCHMARK_CAPTURE(Normalize, distinct_casefold_nfkc, true, CaseMapping::kFold,
                  Normalization::kNfkc);
BENCHMARK(ScanUtf8);
BENCHMARK_CAPTURE(EndToEnd, word, TokenizerKind::kWord);
BENCHMARK_CAPTURE(EndToEnd, whitespace, TokenizerKind::kWhitespace);

}  // namespace
}  // namespace vocabcount

BENCHMARK_MAIN();
