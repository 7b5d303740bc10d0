// Counting JSON Lines through the whole pipeline: the counts equal those of
// each document's string counted on its own (by the plain ICU reference, or
// by CountText), whatever the threads and unit sizes, and bad lines are
// reported by their line number in the input.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "support/reference_counter.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

// Well-formed pieces that sit next to every kind of break: the strings a
// JSON parser hands over are always well-formed UTF-8. No U+FEFF: at the
// start of an input it is dropped as a byte order mark.
std::string RandomDocument(std::mt19937& random, int pieces) {
  static const std::string kPieces[] = {
      "a",      "Z",      "7",    " ",        " ",
      "\n",     "\r\n",   "\r",   "\t",       "'",
      ".",      ",",      "_",    "-",        "\"",
      "\\",     "/",      "é",    "e\u0301",  "\u0301",
      "\u200D", "\u200B", "👩",    "👍🏽", "🇫",
      "🇷",      "東京",   "は",   "カタカナ", "한국어",
      "ไทย",    "Ωμέγα",  "ς",    "Привет",   "שלום",
      "״",      "١٢",     "3.14", "1,000",    "ß",
      "ﬁ",      "Ǆ",      "İ",    "\u2028",   std::string(1, '\0'),
      "\x01",   "\x7F",   "word", "can't"};
  std::string text;
  for (int i = 0; i < pieces; ++i) text += kPieces[random() % std::size(kPieces)];
  return text;
}

// The code points of well-formed UTF-8.
std::vector<char32_t> Decode(std::string_view text) {
  std::vector<char32_t> code_points;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    code_points.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return code_points;
}

std::string Hex4(unsigned value, bool upper) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, upper ? "\\u%04X" : "\\u%04x", value);
  return buffer;
}

// `text` as a JSON string, escaped in one of the ways JSON allows, chosen at
// random for each character.
std::string JsonString(std::string_view text, std::mt19937& random) {
  std::string out = "\"";
  const std::string raw(text);
  std::size_t at = 0;
  for (char32_t c : Decode(text)) {
    const std::size_t length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    const std::string bytes = raw.substr(at, length);
    at += length;
    const bool escape = random() % 3 == 0;
    const bool upper = random() % 2 == 0;
    if (c == '"' || c == '\\') {
      out += "\\" + bytes;
    } else if (c == '\n' && escape) {
      out += "\\n";
    } else if (c == '\t' && escape) {
      out += "\\t";
    } else if (c == '/' && escape) {
      out += "\\/";
    } else if (c < 0x20 || (escape && c < 0x10000)) {
      out += Hex4(static_cast<unsigned>(c), upper);
    } else if (escape) {
      const char32_t v = c - 0x10000;
      out += Hex4(0xD800 + static_cast<unsigned>(v >> 10), upper) +
             Hex4(0xDC00 + static_cast<unsigned>(v & 0x3FF), upper);
    } else {
      out += bytes;
    }
  }
  return out + "\"";
}

struct Corpus {
  std::string jsonl;
  std::vector<std::string> documents;  // the strings of the good lines
  std::uint64_t lines = 0;             // not blank
  std::uint64_t bad_lines = 0;
};

// JSON Lines holding `count` random documents at "text", with other fields
// around it in any order, blank lines, CRLF line ends, and (if asked) bad
// lines between them.
Corpus RandomJsonl(std::mt19937& random, int count, bool with_bad_lines) {
  Corpus corpus;
  for (int i = 0; i < count; ++i) {
    if (random() % 10 == 0) corpus.jsonl += random() % 2 ? "\n" : "  \r\n";
    if (with_bad_lines && random() % 8 == 0) {
      static const char* const kBad[] = {R"({"id":1})", R"({"text":7})", "[\"text\"]",
                                         R"({"text":"unclosed)", R"({"text":"a\ud800"})"};
      corpus.jsonl += kBad[random() % std::size(kBad)];
      corpus.jsonl += "\n";
      ++corpus.lines;
      ++corpus.bad_lines;
      continue;
    }
    std::string document = RandomDocument(random, static_cast<int>(random() % 40));
    const std::string text =
        "\"text\"" + std::string(random() % 2, ' ') + ":" + JsonString(document, random);
    const std::string other =
        "\"meta\":{\"text\":" + JsonString(RandomDocument(random, 5), random) +
        ",\"n\":[1,2.5e3,true,null]}";
    const std::string id = "\"id\":" + std::to_string(i);
    switch (random() % 3) {
      case 0:
        corpus.jsonl += "{" + id + "," + text + "," + other + "}";
        break;
      case 1:
        corpus.jsonl += " { " + text + " , " + other + " , " + id + " } ";
        break;
      default:
        corpus.jsonl += "{" + other + "," + text + "}";
        break;
    }
    corpus.jsonl += random() % 4 == 0 ? "\r\n" : "\n";
    ++corpus.lines;
    corpus.documents.push_back(std::move(document));
  }
  // Half of the inputs end without a line feed.
  if (random() % 2 == 0 && !corpus.jsonl.empty() && corpus.jsonl.back() == '\n') {
    corpus.jsonl.pop_back();
    if (!corpus.jsonl.empty() && corpus.jsonl.back() == '\r') corpus.jsonl.pop_back();
  }
  return corpus;
}

std::map<std::string, std::uint64_t> AsMap(const Vocabulary& vocabulary) {
  std::map<std::string, std::uint64_t> counts;
  for (const VocabularyEntry& entry : vocabulary) counts[entry.token] += entry.count;
  return counts;
}

Options JsonlOptions(int threads, std::size_t chunk) {
  Options options;
  options.jsonl_field = "text";
  options.threads = threads;
  options.chunk_bytes = chunk;
  return options;
}

TEST_CASE("JSONL counts equal the reference over each document on its own",
          "[jsonl][determinism]") {
  std::mt19937 random(20261124);
  for (int round = 0; round < 40; ++round) {
    const Corpus corpus = RandomJsonl(random, 30, round % 2 == 1);
    for (bool lower : {false, true}) {
      ReferenceCounts counts;
      for (const std::string& document : corpus.documents)
        ReferenceCountWords(document, lower, counts);
      const std::string expected = ReferenceTsv(counts);
      for (int threads : {1, 2}) {
        for (std::size_t chunk : {1, 7, 64, 1 << 20}) {
          Options options = JsonlOptions(threads, chunk);
          options.case_mapping = lower ? CaseMapping::kLower : CaseMapping::kNone;
          INFO("round " << round << ", " << threads << " threads, chunk " << chunk
                        << (lower ? ", lower" : ""));
          const CountReport report = CountTextForTest(corpus.jsonl, options);
          REQUIRE(report.ok());
          CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
          CHECK(report.stats.jsonl_lines == corpus.lines);
          CHECK(report.stats.jsonl_bad_lines == corpus.bad_lines);
          CHECK(report.ill_formed.empty());
        }
      }
    }
  }
}

TEST_CASE("JSONL counts equal CountText of each document, in every mode", "[jsonl][determinism]") {
  std::mt19937 random(7);
  const Corpus corpus = RandomJsonl(random, 400, true);
  for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
    Options plain;
    plain.tokenizer = tokenizer;
    plain.case_mapping = CaseMapping::kFold;
    plain.normalization = Normalization::kNfkc;
    std::map<std::string, std::uint64_t> expected;
    for (const std::string& document : corpus.documents) {
      const CountReport report = CountTextForTest(document, plain);
      REQUIRE(report.ok());
      for (const auto& [token, count] : AsMap(report.vocabulary)) expected[token] += count;
    }
    std::string first_bytes;
    for (int threads : {1, 2, 3}) {
      for (std::size_t chunk : {1, 2, 13, 333, 1 << 20}) {
        Options options = plain;
        options.jsonl_field = "text";
        options.threads = threads;
        options.chunk_bytes = chunk;
        INFO(threads << " threads, chunk " << chunk);
        const CountReport report = CountTextForTest(corpus.jsonl, options);
        REQUIRE(report.ok());
        CHECK(AsMap(report.vocabulary) == expected);
        const std::string bytes = FormatVocabulary(report.vocabulary, {});
        if (first_bytes.empty()) first_bytes = bytes;
        CHECK(bytes == first_bytes);
      }
    }
  }
}

TEST_CASE("JSONL: a nested field is counted, not the top-level one", "[jsonl]") {
  const std::string jsonl =
      "{\"text\":\"top\",\"meta\":{\"text\":\"nested words\"}}\n"
      "{\"meta\":{\"text\":\"nested again\"}}\n";
  Options options;
  options.jsonl_field = "meta.text";
  CHECK(CountTextTsv(jsonl, options) == CountTextTsv("nested words\nnested again\n", {}));
}

// 3000 lines, blank ones among them, and bad lines at known places.
struct NumberedLines {
  std::string jsonl;
  std::uint64_t bad_lines = 0;
};

NumberedLines WithBadLinesAt(std::uint64_t first_bad, std::uint64_t every) {
  NumberedLines lines;
  for (std::uint64_t n = 1; n <= 3000; ++n) {
    if (n % 17 == 0) {
      lines.jsonl += "\n";  // blank: counted as a line for numbering only
    } else if (n == first_bad || (n > first_bad && n % every == 0)) {
      lines.jsonl += n == first_bad ? "{\"id\":" + std::to_string(n) + "}\n" : "[]\n";
      ++lines.bad_lines;
    } else {
      lines.jsonl += "{\"text\":\"line " + std::to_string(n) + " of many\"}\n";
    }
  }
  return lines;
}

TEST_CASE("JSONL: the first bad line is named by its number, however units are cut", "[jsonl]") {
  const NumberedLines lines = WithBadLinesAt(1234, 101);
  for (int threads : {1, 2}) {
    for (std::size_t chunk : {1, 16, 333, 4096, 1 << 20}) {
      INFO(threads << " threads, chunk " << chunk);
      const CountReport report = CountTextForTest(lines.jsonl, JsonlOptions(threads, chunk));
      REQUIRE(report.ok());
      REQUIRE(report.bad_jsonl.size() == 1);
      CHECK(report.bad_jsonl[0].path == "<text>");
      CHECK(report.bad_jsonl[0].first_line == 1234);
      CHECK(report.bad_jsonl[0].lines == lines.bad_lines);
      CHECK(report.bad_jsonl[0].first_reason == R"(no field "text")");
      CHECK(report.stats.jsonl_bad_lines == lines.bad_lines);
      CHECK(report.stats.jsonl_lines == 3000 - 3000 / 17);
    }
  }
}

TEST_CASE("JSONL strict: the first bad line is an error that stops the run", "[jsonl]") {
  const NumberedLines lines = WithBadLinesAt(2500, 7);
  for (int threads : {1, 2}) {
    for (std::size_t chunk : {1, 100, 1 << 20}) {
      INFO(threads << " threads, chunk " << chunk);
      Options options = JsonlOptions(threads, chunk);
      options.strict_jsonl = true;
      const CountReport report = CountTextForTest(lines.jsonl, options);
      CHECK_FALSE(report.finished);
      CHECK(report.vocabulary.empty());
      CHECK(report.bad_jsonl.empty());
      REQUIRE(report.errors.size() == 1);
      CHECK(report.errors[0].ToString() == "<text>: line 2500: no field \"text\"");

      // With keep_going the run ends, and the good lines are counted.
      options.keep_going = true;
      const CountReport kept = CountTextForTest(lines.jsonl, options);
      CHECK(kept.finished);
      REQUIRE(kept.errors.size() == 1);
      CHECK(kept.errors[0].line == 2500);
      CHECK(kept.vocabulary == CountTextForTest(lines.jsonl, JsonlOptions(1, 1 << 20)).vocabulary);
    }
  }
}

TEST_CASE("JSONL: each input numbers its own lines, reported in input order", "[jsonl]") {
  TempDir dir;
  WriteFile(dir.File("a.jsonl"), WithBadLinesAt(900, 1000).jsonl);
  WriteFile(dir.File("b.jsonl"), "{\"text\":\"fine\"}\nnot json\n");
  WriteFile(dir.File("c.jsonl"), WithBadLinesAt(20, 3).jsonl);
  for (int threads : {1, 2}) {
    Options options = JsonlOptions(threads, 64);
    const CountReport report =
        CountForTest({dir.File("a.jsonl"), dir.File("b.jsonl"), dir.File("c.jsonl")}, options);
    REQUIRE(report.ok());
    REQUIRE(report.bad_jsonl.size() == 3);
    CHECK(report.bad_jsonl[0].path == dir.File("a.jsonl"));
    CHECK(report.bad_jsonl[0].first_line == 900);
    CHECK(report.bad_jsonl[1].first_line == 2);
    CHECK(report.bad_jsonl[1].first_reason.starts_with("not valid JSON: "));
    CHECK(report.bad_jsonl[2].first_line == 20);
  }
}

TEST_CASE("JSONL: ill-formed UTF-8 makes a bad line, not an ill-formed warning", "[jsonl]") {
  const std::string jsonl = "{\"text\":\"good words\"}\n{\"text\":\"bad \xFF words\"}\n";
  const CountReport report = CountTextForTest(jsonl, JsonlOptions(1, 1 << 20));
  REQUIRE(report.ok());
  CHECK(report.ill_formed.empty());
  REQUIRE(report.bad_jsonl.size() == 1);
  CHECK(report.bad_jsonl[0].first_line == 2);
  CHECK(FormatVocabulary(report.vocabulary, {}) == "good\t1\nwords\t1\n");
}

TEST_CASE("JSONL: a byte order mark before the first line is skipped", "[jsonl]") {
  const CountReport report =
      CountTextForTest("\xEF\xBB\xBF{\"text\":\"marked\"}\n", JsonlOptions(1, 1 << 20));
  REQUIRE(report.ok());
  CHECK(report.bad_jsonl.empty());
  CHECK(FormatVocabulary(report.vocabulary, {}) == "marked\t1\n");
}

TEST_CASE("JSONL: a field path with an empty key fails the run", "[jsonl]") {
  Options options;
  options.jsonl_field = "meta..text";
  const CountReport report = CountTextForTest("{}\n", options);
  CHECK_FALSE(report.finished);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].path.empty());
  CHECK(report.errors[0].what.find("empty key") != std::string::npos);
}

}  // namespace
}  // namespace vocabcount::testing
