// libFuzzer target: on any bytes read as JSON Lines, the field extractor
// reads no further than the padding it is promised, hands over only
// well-formed UTF-8 that survives a round trip through JSON; a unit's texts
// and tally do not depend on how the input is cut into units at line ends;
// and tokenizing a unit's texts at once gives the tokens of each string alone.
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "chunk_reader.h"
#include "json_string.h"
#include "jsonl_field.h"
#include "jsonl_lines.h"
#include "tokenize.h"

namespace {

using vocabcount::internal::ChunkReader;
using vocabcount::internal::JsonlField;
using vocabcount::internal::JsonlLine;
using vocabcount::internal::JsonlTally;
using vocabcount::internal::kJsonlPaddingBytes;
using vocabcount::testing::JsonString;

void Fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "%s on %zu bytes:", what, text.size());
  for (unsigned char byte : text) std::fprintf(stderr, " %02x", byte);
  std::fprintf(stderr, "\n");
  std::abort();
}

// A copy of `text` in a heap block with exactly the promised padding after
// it, filled with quotes and backslashes: the address sanitizer catches a
// read past the padding, and a parser that used the padding would misparse.
class Padded {
 public:
  explicit Padded(std::string_view text)
      : size_(text.size()), block_(new char[text.size() + kJsonlPaddingBytes]) {
    std::memcpy(block_.get(), text.data(), text.size());
    for (std::size_t i = 0; i < kJsonlPaddingBytes; ++i) block_[size_ + i] = i % 2 ? '"' : '\\';
  }
  std::string_view view() const { return std::string_view(block_.get(), size_); }

 private:
  std::size_t size_;
  std::unique_ptr<char[]> block_;
};

JsonlField MakeField(const char* path) {
  auto field = JsonlField::Create(path);
  if (!field.ok()) std::abort();
  return std::move(*field);
}

std::vector<std::string> Tokens(vocabcount::internal::Tokenizer& tokenizer, std::string_view text) {
  std::vector<std::string> tokens;
  (void)tokenizer.Tokenize(text, [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

// The texts and tally of `input` read by a ChunkReader cutting at line ends
// into units of at least `unit_bytes`, each unit walked on its own.
std::pair<std::string, JsonlTally> ByUnits(JsonlField& field, std::string_view input,
                                           std::size_t unit_bytes) {
  std::string_view left = input;
  ChunkReader reader(
      [&left](char* buffer, std::size_t size) {
        const std::size_t n = std::min({size, left.size(), std::size_t{5}});
        std::memcpy(buffer, left.data(), n);
        left.remove_prefix(n);
        return static_cast<ssize_t>(n);
      },
      unit_bytes);
  reader.CutAtLineEnds();
  std::string texts;
  JsonlTally total;
  vocabcount::internal::InputPiece piece;
  std::string unit_texts;
  while (reader.Next(piece)) {
    AddTally(vocabcount::internal::ExtractTexts(field, piece.data, piece.first_line, unit_texts),
             total);
    texts += unit_texts;
  }
  if (!reader.error().empty()) Fail("the reader failed", input);
  return {texts, total};
}

bool SameTally(const JsonlTally& a, const JsonlTally& b) {
  return a.lines == b.lines && a.bad_lines == b.bad_lines &&
         (a.bad_lines == 0 ||
          (a.first_bad_line == b.first_bad_line && a.first_reason == b.first_reason));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static JsonlField text_field = MakeField("text");
  static JsonlField nested_field = MakeField("m.t");
  static JsonlField checker = MakeField("text");
  static auto word = *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWord);
  static auto whitespace =
      *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWhitespace);

  for (JsonlField* field : {&text_field, &nested_field}) {
    // Line by line, each line padded on its own.
    std::string expected_texts;
    std::vector<std::string> strings;
    JsonlTally expected;
    std::uint64_t number = 0;
    for (std::size_t begin = 0; begin < input.size();) {
      const std::size_t end = std::min(input.find('\n', begin), input.size());
      const Padded line(input.substr(begin, end - begin));
      begin = end + 1;
      ++number;
      const JsonlLine got = field->Extract(line.view());
      if (got.kind == JsonlLine::Kind::kBlank) continue;
      ++expected.lines;
      if (got.kind == JsonlLine::Kind::kBad) {
        if (got.reason.empty()) Fail("a bad line without a reason", line.view());
        if (expected.bad_lines++ == 0) {
          expected.first_bad_line = number;
          expected.first_reason = got.reason;
        }
        continue;
      }
      const std::string text(got.text);
      if (!simdjson::validate_utf8(text.data(), text.size())) Fail("ill-formed text", line.view());
      const Padded again("{\"text\":" + JsonString(text) + "}");
      const JsonlLine round_trip = checker.Extract(again.view());
      if (round_trip.kind != JsonlLine::Kind::kText || round_trip.text != text) {
        Fail("the text does not survive a round trip", line.view());
      }
      expected_texts += text + "\n";
      strings.push_back(text);
    }

    // The whole input as one unit, and cut into units of 1 to 16 bytes.
    const Padded whole(input);
    std::string texts;
    const JsonlTally tally = vocabcount::internal::ExtractTexts(*field, whole.view(), 0, texts);
    if (texts != expected_texts || !SameTally(tally, expected))
      Fail("the unit walk differs", input);
    const std::size_t unit_bytes = size > 0 ? 1 + data[0] % 16 : 1;
    const auto [unit_texts, unit_tally] = ByUnits(*field, input, unit_bytes);
    if (unit_texts != texts || !SameTally(unit_tally, tally))
      Fail("units change the result", input);

    // One tokenizer call over the texts gives the tokens of each on its own.
    for (auto* tokenizer : {word.get(), whitespace.get()}) {
      std::vector<std::string> one_by_one;
      for (const std::string& text : strings) {
        for (std::string& token : Tokens(*tokenizer, text)) one_by_one.push_back(std::move(token));
      }
      if (Tokens(*tokenizer, texts) != one_by_one) Fail("tokens join across lines", input);
    }
  }
  return 0;
}
