// libFuzzer target: on any bytes read as JSON Lines, the field extractor
// reads no further than the padding it is promised, hands over only
// well-formed UTF-8 that survives a round trip through JSON; a unit's texts
// and tally do not depend on how the input is cut into units at line ends;
// tokenizing a unit's texts at once gives the tokens of each string alone;
// and a line's string is found again one object deeper ({"k":line} at
// "k.<field>"). Fields: "text", "m.t", and a path of one to three keys
// taken from the input itself (the first keys it holds).
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "input/chunk_reader.h"
#include "input/jsonl_field.h"
#include "input/jsonl_lines.h"
#include "support/json_string.h"
#include "tokenize/tokenize.h"

namespace {

using vocabcount::fuzzing::Fail;
using vocabcount::internal::ChunkReader;
using vocabcount::internal::JsonlField;
using vocabcount::internal::JsonlLine;
using vocabcount::internal::JsonlTally;
using vocabcount::internal::kJsonlPaddingBytes;
using vocabcount::testing::JsonString;

// What fills the padding: quotes and backslashes, or one byte throughout
// (chosen by the input), so that a parser that took the padding for text
// would misparse somewhere.
enum class Fill { kQuotesAndBackslashes, kZeros, kBraces, kSpaces };

// A copy of `text` in a heap block with exactly the promised padding after
// it: the address sanitizer catches a read past the padding.
class Padded {
 public:
  explicit Padded(std::string_view text, Fill fill = Fill::kQuotesAndBackslashes)
      : size_(text.size()), block_(new char[text.size() + kJsonlPaddingBytes]) {
    std::copy(text.begin(), text.end(), block_.get());
    for (std::size_t i = 0; i < kJsonlPaddingBytes; ++i) {
      switch (fill) {
        case Fill::kQuotesAndBackslashes:
          block_[size_ + i] = i % 2 ? '"' : '\\';
          break;
        case Fill::kZeros:
          block_[size_ + i] = '\0';
          break;
        case Fill::kBraces:
          block_[size_ + i] = '}';
          break;
        case Fill::kSpaces:
          block_[size_ + i] = ' ';
          break;
      }
    }
  }
  std::string_view view() const { return std::string_view(block_.get(), size_); }

 private:
  std::size_t size_;
  std::unique_ptr<char[]> block_;
};

JsonlField MakeField(const std::string& path) {
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

// A field, and the same field one object deeper: "k.<path>".
struct FieldPair {
  explicit FieldPair(const std::string& path)
      : path(path), field(MakeField(path)), wrapped(MakeField("k." + path)) {}
  std::string path;
  JsonlField field;
  JsonlField wrapped;
};

// The first keys `input` holds (strings followed by a colon, without dots or
// backslashes, which a path cannot name as written), at most `wanted` of
// them, joined by dots; "text" when there are none.
std::string KeysOf(std::string_view input, std::size_t wanted) {
  std::string path;
  std::size_t found = 0;
  for (std::size_t open = input.find('"'); open != input.npos && found < wanted;) {
    const std::size_t close = input.find('"', open + 1);
    if (close == input.npos) break;
    const std::string_view key = input.substr(open + 1, close - open - 1);
    const std::size_t after = input.find_first_not_of(" \t\r", close + 1);
    if (after != input.npos && input[after] == ':' && !key.empty() &&
        key.find_first_of(".\\\n") == key.npos) {
      if (found++ > 0) path += '.';
      path += key;
    }
    open = input.find('"', close + 1);
  }
  return found > 0 ? path : "text";
}

// The field for a path taken from the input, kept while inputs name the same.
FieldPair& InputField(const std::string& path) {
  static std::optional<FieldPair> cached;
  if (!cached || cached->path != path) cached.emplace(path);
  return *cached;
}

// JsonlField::Create takes a path exactly when none of its keys is empty.
void CheckCreate(std::string_view input) {
  const std::string_view path = input.substr(0, std::min<std::size_t>(input.find('\n'), 64));
  const bool empty_key =
      path.empty() || path.front() == '.' || path.back() == '.' || path.find("..") != path.npos;
  if (JsonlField::Create(path).ok() == empty_key) {
    Fail(std::string("JsonlField::Create ") + (empty_key ? "takes" : "refuses") + " a path", path);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static FieldPair text_field("text");
  static FieldPair nested_field("m.t");
  static JsonlField checker = MakeField("text");
  static auto word = *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWord);
  static auto whitespace =
      *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWhitespace);
  const std::size_t unit_bytes = size > 0 ? 1 + data[0] % 16 : 1;
  const Fill fill = size > 0 ? static_cast<Fill>((data[0] >> 4) & 3) : Fill::kQuotesAndBackslashes;
  const std::size_t keys = size > 1 ? 1 + data[1] % 3 : 1;
  CheckCreate(input);
  FieldPair& input_field = InputField(KeysOf(input, keys));

  for (FieldPair* pair : {&text_field, &nested_field, &input_field}) {
    JsonlField* field = &pair->field;
    // Line by line, each line padded on its own.
    std::string expected_texts;
    std::vector<std::string> strings;
    JsonlTally expected;
    std::uint64_t number = 0;
    for (std::size_t begin = 0; begin < input.size();) {
      const std::size_t end = std::min(input.find('\n', begin), input.size());
      const Padded line(input.substr(begin, end - begin), fill);
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
      // One object deeper, the same string. (Not past simdjson's depth
      // limit, which short lines cannot reach; a leading byte order mark
      // would not be one inside the object.)
      if (line.view().size() <= 1024 && !line.view().starts_with("\xEF\xBB\xBF")) {
        const Padded deeper("{\"k\":" + std::string(line.view()) + "}", fill);
        const JsonlLine found = pair->wrapped.Extract(deeper.view());
        if (found.kind != JsonlLine::Kind::kText || found.text != text) {
          Fail("field \"" + pair->path +
                   "\" finds another string one object deeper: " + found.reason,
               line.view());
        }
      }
      expected_texts += text + "\n";
      strings.push_back(text);
    }

    // The whole input as one unit, and cut into units of 1 to 16 bytes.
    const Padded whole(input, fill);
    std::string texts;
    const JsonlTally tally = vocabcount::internal::ExtractTexts(*field, whole.view(), 0, texts);
    if (texts != expected_texts || !SameTally(tally, expected)) {
      Fail("the unit walk differs (field \"" + pair->path + "\")", input);
    }
    const auto [unit_texts, unit_tally] = ByUnits(*field, input, unit_bytes);
    if (unit_texts != texts || !SameTally(unit_tally, tally)) {
      Fail("units change the result (field \"" + pair->path + "\")", input);
    }

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
