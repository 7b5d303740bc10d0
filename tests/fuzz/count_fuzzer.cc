// libFuzzer target: the library's count of a text in memory (CountText),
// with options taken from the first two input bytes, must equal a count made
// here from independent references, both with tiny work units and with one.
//
// Byte 0: bit 0 tokenizer (word, whitespace); bits 1-2 case mapping (none,
// lower, fold, none); bits 3-4 normalization (none, NFC, NFKC, none); bit 5
// a small max_token_bytes; bit 6 JSON Lines with the field "text"; bit 7 two
// threads. Byte 1: low nibble chunk_bytes - 1, high nibble max_token_bytes - 1.
// The rest is the text.
//
// The references: whitespace tokens are the maximal runs of well-formed code
// points that are neither White_Space nor Cc, decoded here; word tokens come
// from a plain ICU iterator over the whole text as UTF-16; normalization is
// ICU's UnicodeString case mapping and Normalizer2 on UTF-16.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/utf8_decoder.h"
#include "fuzz/whitespace_reference.h"
#include "input/jsonl_field.h"
#include "support/icu_spans.h"
#include "tokenize/icu_word_iterator.h"
#include "vocabcount/count.h"

namespace {

using vocabcount::CaseMapping;
using vocabcount::CountReport;
using vocabcount::Normalization;
using vocabcount::Options;
using vocabcount::TokenizerKind;
using vocabcount::Vocabulary;
using vocabcount::VocabularyEntry;
using vocabcount::fuzzing::DecodeAt;
using vocabcount::fuzzing::Escaped;
using vocabcount::fuzzing::Fail;
using vocabcount::fuzzing::IsControl;
using vocabcount::fuzzing::IsWhiteSpace;
using vocabcount::testing::Spans;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kOneUnitBytes = std::size_t{1} << 20;

Options OptionsOf(std::uint8_t first, std::uint8_t second) {
  Options options;
  options.tokenizer = first & 1 ? TokenizerKind::kWhitespace : TokenizerKind::kWord;
  constexpr CaseMapping kCases[] = {CaseMapping::kNone, CaseMapping::kLower, CaseMapping::kFold,
                                    CaseMapping::kNone};
  constexpr Normalization kForms[] = {Normalization::kNone, Normalization::kNfc,
                                      Normalization::kNfkc, Normalization::kNone};
  options.case_mapping = kCases[(first >> 1) & 3];
  options.normalization = kForms[(first >> 3) & 3];
  if (first & 0x20) options.max_token_bytes = 1 + (second >> 4);
  if (first & 0x40) options.jsonl_field = "text";
  options.threads = first & 0x80 ? 2 : 1;
  options.chunk_bytes = 1 + (second & 0x0F);
  // A tiny budget now and then: the counts spill and are summed back.
  if ((second & 0x30) == 0x30) options.memory_bytes = 64;
  return options;
}

std::string Describe(const Options& options) {
  static constexpr const char* kCases[] = {"none", "lower", "fold"};
  static constexpr const char* kForms[] = {"none", "nfc", "nfkc"};
  return std::string("tokenizer=") +
         (options.tokenizer == TokenizerKind::kWord ? "word" : "whitespace") +
         " case=" + kCases[static_cast<int>(options.case_mapping)] +
         " normalization=" + kForms[static_cast<int>(options.normalization)] +
         " max_token_bytes=" + std::to_string(options.max_token_bytes) +
         " jsonl=" + (options.jsonl_field.empty() ? "no" : options.jsonl_field) +
         " threads=" + std::to_string(options.threads) +
         " chunk_bytes=" + std::to_string(options.chunk_bytes) +
         " memory_bytes=" + std::to_string(options.memory_bytes);
}

// (byte offset, bytes) of each token before normalization.
Spans WordSpans(std::string_view text) {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    auto settled = vocabcount::internal::NewSettledWordIterator();
    if (!settled.ok()) std::abort();
    return std::move(*settled);
  }();
  return vocabcount::testing::IcuWordSpans(*words, text);
}

std::string Normalized(const std::string& token, const Options& options) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(token);
  if (options.case_mapping == CaseMapping::kLower) text.toLower(icu::Locale::getRoot());
  if (options.case_mapping == CaseMapping::kFold) text.foldCase(U_FOLD_CASE_DEFAULT);
  if (options.normalization != Normalization::kNone) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* form = options.normalization == Normalization::kNfc
                                       ? icu::Normalizer2::getNFCInstance(status)
                                       : icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) text = form->normalize(text, status);
    if (U_FAILURE(status)) std::abort();
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

// What a correct count of the text must report.
struct Expected {
  Vocabulary vocabulary;
  std::uint64_t tokens = 0;
  std::uint64_t long_tokens = 0;
  std::uint64_t first_long_offset = 0;
  std::uint64_t ill_formed = 0;
  std::uint64_t first_ill_formed_offset = 0;
  std::uint64_t jsonl_lines = 0;
  std::uint64_t jsonl_bad_lines = 0;
  std::uint64_t first_bad_line = 0;
};

// The texts of JSON Lines as the pipeline counts them: each line's string at
// the field, followed by a line feed.
std::string JsonlTexts(std::string_view text, Expected& expected) {
  static auto field = *vocabcount::internal::JsonlField::Create("text");
  std::string texts;
  std::uint64_t number = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string padded(text.substr(begin, end - begin));
    const std::size_t length = padded.size();
    padded.append(vocabcount::internal::kJsonlPaddingBytes, ' ');
    begin = end + 1;
    ++number;
    const auto line = field.Extract(std::string_view(padded.data(), length));
    using Kind = vocabcount::internal::JsonlLine::Kind;
    if (line.kind == Kind::kBlank) continue;
    ++expected.jsonl_lines;
    if (line.kind == Kind::kBad) {
      if (expected.jsonl_bad_lines++ == 0) expected.first_bad_line = number;
      continue;
    }
    texts.append(line.text);
    texts += '\n';
  }
  return texts;
}

Expected Reference(std::string_view input, const Options& options) {
  Expected expected;
  std::string_view text = input;
  std::size_t skipped = 0;  // a leading byte order mark is not text
  if (text.starts_with(kByteOrderMark)) {
    text.remove_prefix(kByteOrderMark.size());
    skipped = kByteOrderMark.size();
  }
  std::string jsonl_texts;
  if (!options.jsonl_field.empty()) {
    jsonl_texts = JsonlTexts(text, expected);
    text = jsonl_texts;
  } else {
    for (std::size_t at = 0; at < text.size();) {
      const auto sequence = DecodeAt(text, at);
      if (sequence.code_point < 0 && expected.ill_formed++ == 0) {
        expected.first_ill_formed_offset = skipped + at;
      }
      at += sequence.length;
    }
  }
  const Spans tokens = options.tokenizer == TokenizerKind::kWord
                           ? WordSpans(text)
                           : vocabcount::fuzzing::WhitespaceSpans(text);
  std::map<std::string, std::uint64_t> counts;  // ordered by bytes, as unsigned
  for (const auto& [offset, token] : tokens) {
    if (token.size() > options.max_token_bytes) {
      if (expected.long_tokens++ == 0) expected.first_long_offset = skipped + offset;
      continue;
    }
    ++counts[Normalized(token, options)];
    ++expected.tokens;
  }
  for (const auto& [token, count] : counts) expected.vocabulary.push_back({token, count});
  std::stable_sort(
      expected.vocabulary.begin(), expected.vocabulary.end(),
      [](const VocabularyEntry& a, const VocabularyEntry& b) { return a.count > b.count; });
  return expected;
}

std::string Show(const Vocabulary& vocabulary) {
  std::string out;
  for (std::size_t i = 0; i < vocabulary.size() && i < 40; ++i) {
    out += "  " + Escaped(vocabulary[i].token) + "\t" + std::to_string(vocabulary[i].count) + "\n";
  }
  if (vocabulary.size() > 40) out += "  ...\n";
  return out;
}

// Invariants of every output token, whatever the reference says.
void CheckTokens(const Vocabulary& vocabulary, const Options& options, std::string_view input) {
  for (const VocabularyEntry& entry : vocabulary) {
    const std::string where = "token \"" + Escaped(entry.token) + "\" (" + Describe(options) + ")";
    if (entry.token.empty()) Fail("an empty " + where, input);
    if (entry.count == 0) Fail("a count of 0 for " + where, input);
    if (!vocabcount::fuzzing::IsValidUtf8(entry.token)) Fail("ill-formed UTF-8 in " + where, input);
    if (options.tokenizer != TokenizerKind::kWhitespace) continue;
    for (std::size_t at = 0; at < entry.token.size();) {
      const auto sequence = DecodeAt(entry.token, at);
      at += sequence.length;
      if (IsControl(sequence.code_point)) Fail("a control character in " + where, input);
      // NFKC maps some characters to a space and a combining mark (U+00A8
      // DIAERESIS to U+0020 U+0308); before it, and in the other forms,
      // a whitespace token holds no White_Space.
      if (options.normalization != Normalization::kNfkc && IsWhiteSpace(sequence.code_point)) {
        Fail("White_Space in " + where, input);
      }
    }
  }
}

void Check(const CountReport& report, const Expected& expected, const Options& options,
           std::string_view input) {
  const std::string how = " (" + Describe(options) + ")";
  if (!report.ok()) {
    std::string errors;
    for (const auto& problem : report.errors) errors += "  " + problem.ToString() + "\n";
    Fail("the count failed" + how + ":\n" + errors, input);
  }
  CheckTokens(report.vocabulary, options, input);
  if (report.vocabulary != expected.vocabulary) {
    Fail("the vocabulary differs from the reference" + how + "\nexpected:\n" +
             Show(expected.vocabulary) + "got:\n" + Show(report.vocabulary),
         input);
  }
  const auto& stats = report.stats;
  if (stats.tokens != expected.tokens || stats.distinct_tokens != expected.vocabulary.size()) {
    Fail("the token statistics differ" + how, input);
  }
  if (stats.ill_formed_sequences != expected.ill_formed ||
      report.ill_formed.size() != (expected.ill_formed > 0 ? 1u : 0u) ||
      (expected.ill_formed > 0 &&
       (report.ill_formed[0].first_offset != expected.first_ill_formed_offset ||
        report.ill_formed[0].sequences != expected.ill_formed))) {
    Fail("the ill-formed sequences differ: expected " + std::to_string(expected.ill_formed) +
             " from offset " + std::to_string(expected.first_ill_formed_offset) + ", got " +
             std::to_string(stats.ill_formed_sequences) + how,
         input);
  }
  const bool jsonl = !options.jsonl_field.empty();
  if (stats.long_tokens != expected.long_tokens ||
      report.long_tokens.size() != (expected.long_tokens > 0 ? 1u : 0u) ||
      (expected.long_tokens > 0 &&
       (report.long_tokens[0].tokens != expected.long_tokens ||
        report.long_tokens[0].first_offset !=
            (jsonl ? std::nullopt : std::optional(expected.first_long_offset))))) {
    Fail("the long tokens differ: expected " + std::to_string(expected.long_tokens) +
             " from offset " + std::to_string(expected.first_long_offset) + ", got " +
             std::to_string(stats.long_tokens) + how,
         input);
  }
  if (stats.jsonl_lines != expected.jsonl_lines ||
      stats.jsonl_bad_lines != expected.jsonl_bad_lines ||
      report.bad_jsonl.size() != (expected.jsonl_bad_lines > 0 ? 1u : 0u) ||
      (expected.jsonl_bad_lines > 0 && report.bad_jsonl[0].first_line != expected.first_bad_line)) {
    Fail("the JSON Lines tally differs" + how, input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view text = input.substr(2);
  Options options = OptionsOf(data[0], data[1]);
  const Expected expected = Reference(text, options);
  // Tiny units: every cut the reader may make is tried on short inputs.
  Check(vocabcount::CountText(text, options), expected, options, input);
  // One unit: the cuts change nothing.
  options.chunk_bytes = kOneUnitBytes;
  Check(vocabcount::CountText(text, options), expected, options, input);
  return 0;
}
