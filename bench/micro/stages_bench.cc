// Micro benchmarks of the hot stages, one at a time, on generated text: where
// the time of a count goes (tokenizing, hashing and counting, normalizing,
// UTF-8 checks), next to plain ICU word segmentation of the same text.
#include <benchmark/benchmark.h>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "count/normalize_counts.h"
#include "generate_corpus.h"
#include "input/utf8_scan.h"
#include "table/counter.h"
#include "table/packed_token.h"
#include "tokenize/fast_word.h"
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

void TokenizeText(benchmark::State& state, TokenizerKind kind, const std::string& text) {
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

// Real text in one language from the end-to-end benchmark's sources
// (bench/data/sources/<name>.txt, made by bench/run.sh from Debian's manual
// pages and the like), read once; "multilingual" is the generated mix. Empty
// when the sources have not been prepared.
const std::string& Source(const std::string& name) {
  if (name == "multilingual") return Text(generator::Mix::kMultilingual);
  static std::map<std::string, std::string> texts;
  auto [it, added] = texts.try_emplace(name);
  if (added) {
    std::ifstream file(std::string(VOCABCOUNT_BENCH_SOURCES) + "/" + name + ".txt");
    std::ostringstream bytes;
    bytes << file.rdbuf();
    it->second = bytes.str();
  }
  return it->second;
}

bool SkipWithoutSource(benchmark::State& state, const std::string& text) {
  if (!text.empty()) return false;
  state.SkipWithError("no text: run bench/run.sh once to prepare bench/data/sources");
  return true;
}

// The word tokenizer on real text, next to IcuWordOnlyOf on the same text.
void TokenizeWordsOf(benchmark::State& state, const std::string& name) {
  if (SkipWithoutSource(state, Source(name))) return;
  TokenizeText(state, TokenizerKind::kWord, Source(name));
}

// How the fast word path divides a text: its own rules, the kana and kanji
// runs and the Thai runs it splits with ICU's dictionaries, and the
// stretches it leaves to ICU (the fallbacks, which should stay rare). Shares
// of the text's bytes.
void WordPaths(benchmark::State& state, const std::string& name) {
  const std::string& text = Source(name);
  if (SkipWithoutSource(state, text)) return;
  std::size_t kana_kanji_bytes = 0, thai_bytes = 0, icu_bytes = 0, icu_stretches = 0;
  for (auto _ : state) {
    kana_kanji_bytes = thai_bytes = icu_bytes = icu_stretches = 0;
    internal::SegmentWords(
        text, {.token = [](std::string_view token) { benchmark::DoNotOptimize(token); },
               .kana_kanji = [&](std::string_view run) { kana_kanji_bytes += run.size(); },
               .thai = [&](std::string_view run) { thai_bytes += run.size(); },
               .needs_icu =
                   [&](std::string_view stretch) {
                     icu_bytes += stretch.size();
                     ++icu_stretches;
                   }});
  }
  const double bytes = static_cast<double>(text.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["kana_kanji_%"] = 100.0 * static_cast<double>(kana_kanji_bytes) / bytes;
  state.counters["thai_%"] = 100.0 * static_cast<double>(thai_bytes) / bytes;
  state.counters["icu_%"] = 100.0 * static_cast<double>(icu_bytes) / bytes;
  state.counters["icu_stretches"] = static_cast<double>(icu_stretches);
}

void Tokenize(benchmark::State& state, TokenizerKind kind, generator::Mix mix) {
  TokenizeText(state, kind, Text(mix));
}

void IcuWordOnlyOn(benchmark::State& state, const std::string& text) {
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

void IcuWordOnly(benchmark::State& state, generator::Mix mix) { IcuWordOnlyOn(state, Text(mix)); }

void IcuWordOnlyOf(benchmark::State& state, const std::string& name) {
  if (SkipWithoutSource(state, Source(name))) return;
  IcuWordOnlyOn(state, Source(name));
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
      sum += key.words[0] ^ key.words[1];
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

// The fixed cost of one library call, which a program counting many short
// texts pays each time: options checked, the spill directory known usable,
// one worker, the vocabulary sorted.
void CountShortText(benchmark::State& state) {
  Options options;
  options.threads = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        CountText("the cat sat on the mat, and the dog sat too.", options).vocabulary.size());
  }
}

BENCHMARK_CAPTURE(Tokenize, word_english, TokenizerKind::kWord, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(Tokenize, word_multilingual, TokenizerKind::kWord, generator::Mix::kMultilingual);
BENCHMARK_CAPTURE(Tokenize, whitespace_english, TokenizerKind::kWhitespace, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(IcuWordOnly, english, generator::Mix::kEnglish);
BENCHMARK_CAPTURE(IcuWordOnly, multilingual, generator::Mix::kMultilingual);
BENCHMARK_CAPTURE(TokenizeWordsOf, chinese, "chinese");
BENCHMARK_CAPTURE(IcuWordOnlyOf, chinese, "chinese");
BENCHMARK_CAPTURE(TokenizeWordsOf, japanese, "japanese");
BENCHMARK_CAPTURE(IcuWordOnlyOf, japanese, "japanese");
BENCHMARK_CAPTURE(TokenizeWordsOf, thai, "thai");
BENCHMARK_CAPTURE(IcuWordOnlyOf, thai, "thai");
BENCHMARK_CAPTURE(WordPaths, chinese, "chinese");
BENCHMARK_CAPTURE(WordPaths, japanese, "japanese");
BENCHMARK_CAPTURE(WordPaths, korean, "korean");
BENCHMARK_CAPTURE(WordPaths, thai, "thai");
BENCHMARK_CAPTURE(WordPaths, multilingual, "multilingual");
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
BENCHMARK(CountShortText);

}  // namespace
}  // namespace vocabcount

BENCHMARK_MAIN();
