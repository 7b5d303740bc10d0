// End-to-end tests of the pre-tokenizers (-t gpt2, cl100k, o200k): the
// byte-level and raw forms, what they refuse, and the options every tokenizer
// honours (selections, normalization, compressed and JSON Lines inputs,
// --shard with --merge). Python's regex module is the reference for the
// pieces themselves (tests/pieces/); here the expectations are small enough
// to check by hand.
#include <catch2/catch.hpp>
#include <string>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

TEST_CASE("cli: pieces are written in byte-level form, spaces and line ends included",
          "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "Hello world! It's 12345.\n\n  Don't\r\n");
  // cl100k: contractions apart, digits by three, line ends kept with the
  // punctuation before them, and "  Don" as a space and " Don".
  CHECK(Output(box, "vocabcount -t cl100k in.txt") ==
        "Ġ\t2\n!\t1\n's\t1\n't\t1\n.ĊĊ\t1\n123\t1\n45\t1\nHello\t1\nčĊ\t1\nĠDon\t1\nĠIt\t1\n"
        "Ġworld\t1\n");
  // GPT-2: digits in one run after their space, and white space before a
  // word gives its last character to the word.
  CHECK(Output(box, "vocabcount -t gpt2 in.txt") ==
        "!\t1\n's\t1\n't\t1\n.\t1\nHello\t1\nĊĊĠ\t1\nčĊ\t1\nĠ12345\t1\nĠDon\t1\nĠIt\t1\n"
        "Ġworld\t1\n");
}

TEST_CASE("cli: the three patterns differ where their definitions do", "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "HelloWorld 2024 we'RE\n/path");
  // GPT-2's contractions are lowercase only; o200k splits at a case change
  // and keeps a contraction with its word; cl100k and o200k take one
  // character before letters, and digits by three.
  CHECK(Output(box, "vocabcount -t gpt2 --sort token in.txt") ==
        "'\t1\n/\t1\nHelloWorld\t1\nRE\t1\npath\t1\nĊ\t1\nĠ2024\t1\nĠwe\t1\n");
  CHECK(Output(box, "vocabcount -t cl100k --sort token in.txt") ==
        "'RE\t1\n/path\t1\n202\t1\n4\t1\nHelloWorld\t1\nĊ\t1\nĠ\t1\nĠwe\t1\n");
  CHECK(Output(box, "vocabcount -t o200k --sort token in.txt") ==
        "/path\t1\n202\t1\n4\t1\nHello\t1\nWorld\t1\nĊ\t1\nĠ\t1\nĠwe'RE\t1\n");
}

TEST_CASE("cli: --raw-pieces writes the pieces themselves, as JSON only", "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "a\tb  c\n");
  CHECK(Output(box, "vocabcount -t cl100k --raw-pieces --format json --sort token in.txt") ==
        "{\n  \"\\u0009b\": 1,\n  \"\\u000a\": 1,\n  \" \": 1,\n  \" c\": 1,\n  \"a\": 1\n}\n");
  CHECK(Output(box, "vocabcount -t cl100k --format json --sort token in.txt") ==
        "{\n  \"a\": 1,\n  \"ĉb\": 1,\n  \"Ċ\": 1,\n  \"Ġ\": 1,\n  \"Ġc\": 1\n}\n");
}

TEST_CASE("cli: options that make no sense with pieces are usage errors", "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "a b c\n");
  const std::pair<const char*, const char*> cases[] = {
      {"-t cl100k --ngrams 2", "n-grams cannot be counted with the pre-tokenizers"},
      {"-t o200k --ngrams 1-3", "n-grams cannot be counted with the pre-tokenizers"},
      {"-t gpt2 --raw-pieces", "write them with --format json"},
      {"-t gpt2 --raw-pieces --format glove", "write them with --format json"},
      {"--raw-pieces --format json", "raw pieces go only with the pre-tokenizers"},
      {"-t whitespace --raw-pieces --format json", "raw pieces go only with the pre-tokenizers"},
      {"--merge --raw-pieces --format json", "--merge cannot be combined with --raw-pieces"},
      {"-t gpt3", "gpt3"},
  };
  for (const auto& [flags, message] : cases) {
    const RunResult r = box.Run(std::string("vocabcount ") + flags + " in.txt");
    INFO(flags << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(Contains(r.err, message));
  }
}

TEST_CASE("cli: case mapping applies to the piece before its byte-level form", "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "Hello HELLO hello\n");
  CHECK(Output(box, "vocabcount -t cl100k --lower in.txt") == "Ġhello\t2\nhello\t1\nĊ\t1\n");
  CHECK(Output(box, "vocabcount -t o200k --lower --format glove in.txt") ==
        "Ġhello 2\nhello 1\nĊ 1\n");
}

TEST_CASE("cli: ill-formed UTF-8 is read as U+FFFD inside pieces and still warned about",
          "[cli][pieces]") {
  Sandbox box;
  // A stray continuation byte, a truncated sequence and an overlong one (two
  // maximal subparts): four replacement characters in one punctuation run.
  box.Write("in.txt", std::string("ab \x80\xE2\x82\xC0\x80 cd"));
  const RunResult r = box.Run("vocabcount -t gpt2 --raw-pieces --format json in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "{\n  \" cd\": 1,\n  \" \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\": 1,\n"
                 "  \"ab\": 1\n}\n");
  CHECK(Contains(r.err, "in.txt:3: 4 ill-formed UTF-8 sequences (the first at byte 3) are read "
                        "as U+FFFD"));
  // The byte-level form of U+FFFD (EF BF BD) is "ï¿½".
  CHECK(Contains(Output(box, "vocabcount -t gpt2 in.txt 2>/dev/null"), "Ġï¿½ï¿½ï¿½ï¿½\t1\n"));
}

TEST_CASE("cli: a piece never spans two inputs or two JSON Lines documents", "[cli][pieces]") {
  Sandbox box;
  box.Write("a.txt", "end  ");
  box.Write("b.txt", "  start");
  // Alone, each input's spaces are one piece at its end, or a space and a
  // spaced word at its start; joined they would be "   " and " start".
  CHECK(Output(box, "vocabcount -t cl100k --sort token a.txt b.txt") ==
        "end\t1\nĠ\t1\nĠstart\t1\nĠĠ\t1\n");
  box.Write("docs.jsonl", "{\"text\": \"one  \"}\n{\"text\": \"  two\"}\n{\"text\": \"\"}\n");
  CHECK(Output(box, "vocabcount -t cl100k --sort token --jsonl text docs.jsonl") ==
        "one\t1\nĠ\t1\nĠtwo\t1\nĠĠ\t1\n");
}

TEST_CASE("cli: pieces of compressed inputs, in parts merged, and selected", "[cli][pieces]") {
  Sandbox box;
  const std::string script =
      "set -e\n"
      "cat \"$CORPUS\"/*.txt > all.txt && gzip -k all.txt\n"
      "vocabcount -t o200k -j2 all.txt > plain.tsv\n"
      "vocabcount -t o200k -j1 --chunk-size 100 all.txt.gz > gz.tsv\n"
      "cmp plain.tsv gz.tsv\n"
      "for part in 0 1 2; do\n"
      "  vocabcount -t o200k --sort token --shard $part/3 \"$CORPUS\"/*.txt > part$part.tsv\n"
      "done\n"
      "vocabcount -t o200k \"$CORPUS\"/*.txt > whole.tsv\n"
      "vocabcount --merge part0.tsv part1.tsv part2.tsv > merged.tsv\n"
      "cmp whole.tsv merged.tsv\n"
      "test \"$(wc -l < whole.tsv)\" -gt 1000\n"
      "vocabcount -t o200k --top 3 \"$CORPUS\"/*.txt > top.tsv\n"
      "head -n 3 whole.tsv | cmp - top.tsv\n"
      "vocabcount -t o200k --min-count 100 \"$CORPUS\"/*.txt > frequent.tsv\n"
      "awk -F '\\t' '$2 >= 100' whole.tsv | cmp - frequent.tsv\n";
  const RunResult r = box.Run(script);
  INFO(r);
  CHECK(r.status == 0);
}

TEST_CASE("cli: --stats counts pieces", "[cli][pieces]") {
  Sandbox box;
  box.Write("in.txt", "a b\n");
  const RunResult json = box.Run("vocabcount -t gpt2 --stats=json in.txt >/dev/null");
  INFO(json);
  // "a", " b", "\n"
  CHECK(Contains(json.err, "\"tokens\":3,"));
  CHECK(Contains(json.err, "\"distinct_tokens\":3,"));
}

}  // namespace
