// End-to-end tests of --ngrams: options and their errors, the formats and
// selections, compressed inputs, --stats, and parts counted with --shard and
// summed with --merge giving the bytes of one count.
#include <catch2/catch.hpp>
#include <string>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

TEST_CASE("cli: --ngrams counts n-grams within lines, joined by the separator", "[cli][ngram]") {
  Sandbox box;
  box.Write("in.txt", "Hello, world. Hello world!\nworld hello\r\nA b\rc d\n");
  CHECK(Output(box, "vocabcount --ngrams 2 in.txt") ==
        "Hello world\t2\nA b\t1\nc d\t1\nworld Hello\t1\nworld hello\t1\n");
  CHECK(Output(box, "vocabcount --ngrams 3 --ngram-separator ' + ' in.txt") ==
        "Hello + world + Hello\t1\nworld + Hello + world\t1\n");
  CHECK(Output(box, "vocabcount --ngrams 1 in.txt") == Output(box, "vocabcount in.txt"));
  CHECK(Output(box, "vocabcount --ngrams 2-2 --lower --top 1 in.txt") == "hello world\t2\n");
}

TEST_CASE("cli: bad n-gram options are usage errors saying what is allowed", "[cli][ngram]") {
  Sandbox box;
  box.Write("in.txt", "a b c\n");
  const std::pair<const char*, const char*> cases[] = {
      {"--ngrams 0", "1 <= M <= N <= 16"},
      {"--ngrams 3-2", "1 <= M <= N <= 16"},
      {"--ngrams 17", "1 <= M <= N <= 16"},
      {"--ngrams 2-", "1 <= M <= N <= 16"},
      {"--ngrams two", "1 <= M <= N <= 16"},
      {"--ngrams 2 --ngram-separator ''", "separator is empty"},
      {"--ngrams 2 --ngram-separator \"$(printf 'a\\tb')\"", "tab"},
      {"--ngrams 2 --ngram-separator \"$(printf '\\r')\"", "carriage return"},
      {"--ngrams 2 --ngram-separator \"$(printf '\\377')\"", "not well-formed UTF-8"},
      {"--ngrams 2 --format glove", "--ngram-separator without whitespace"},
      {"--ngrams 1-2 --ngram-separator '_ ' --format glove", "--ngram-separator without whitespace"},
      {"--merge --ngrams 2", "--merge cannot be combined with --ngrams"},
  };
  for (const auto& [flags, message] : cases) {
    const RunResult r = box.Run(std::string("vocabcount ") + flags + " in.txt");
    INFO(flags << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(Contains(r.err, message));
  }
  // GloVe's format is fine with a separator it does not split at.
  CHECK(Output(box, "vocabcount --ngrams 2 --ngram-separator _ --format glove in.txt") ==
        "a_b 1\nb_c 1\n");
}

TEST_CASE("cli: n-grams in every format and selection", "[cli][ngram]") {
  Sandbox box;
  box.Write("in.txt", "the cat sat\nthe cat ran\nthe dog sat\n");
  CHECK(Output(box, "vocabcount --ngrams 2 --min-count 2 --header in.txt") ==
        "token\tcount\nthe cat\t2\n");
  CHECK(Output(box, "vocabcount --ngrams 2 --sort token in.txt") ==
        "cat ran\t1\ncat sat\t1\ndog sat\t1\nthe cat\t2\nthe dog\t1\n");
  CHECK(Output(box, "vocabcount --ngrams 2-3 --top 2 --format json in.txt") ==
        "{\n  \"the cat\": 2,\n  \"cat ran\": 1\n}\n");
}

TEST_CASE("cli: --stats counts the n-grams of each order", "[cli][ngram]") {
  Sandbox box;
  box.Write("in.txt", "a b c d\ne f\n");
  const RunResult text = box.Run("vocabcount --ngrams 2-4 --stats in.txt >/dev/null");
  INFO(text);
  CHECK(Contains(text.err, "n-grams:         7\n"));
  CHECK(Contains(text.err, "distinct:        7\n"));
  CHECK(Contains(text.err, "2-grams:         4\n"));
  CHECK(Contains(text.err, "3-grams:         2\n"));
  CHECK(Contains(text.err, "4-grams:         1\n"));
  const RunResult json = box.Run("vocabcount --ngrams 2-4 --stats=json in.txt >/dev/null");
  CHECK(Contains(json.err, "\"tokens\":7,"));
  CHECK(Contains(json.err, "\"ngrams\":{\"2\":4,\"3\":2,\"4\":1},"));
}

TEST_CASE("cli: compressed inputs give the n-grams of the plain text", "[cli][ngram][compressed]") {
  Sandbox box;
  const std::string script =
      "cat \"$CORPUS\"/*.txt > all.txt && gzip -k all.txt && zstd -q all.txt\n"
      "vocabcount --ngrams 1-3 -j2 all.txt > plain.tsv\n"
      "vocabcount --ngrams 1-3 -j2 all.txt.gz > gz.tsv\n"
      "vocabcount --ngrams 1-3 -j1 --chunk-size 100 - < all.txt.zst > zst.tsv\n"
      "cmp plain.tsv gz.tsv && cmp plain.tsv zst.tsv && test -s plain.tsv";
  const RunResult r = box.Run(script);
  INFO(r);
  CHECK(r.status == 0);
}

TEST_CASE("cli: n-gram parts counted with --shard and summed with --merge equal one count",
          "[cli][ngram][merge]") {
  Sandbox box;
  for (const char* orders : {"2", "1-3"}) {
    std::string script = "set -e\nvocabcount --ngrams " + std::string(orders) +
                         " --lower \"$CORPUS\"/*.txt > whole.tsv\n";
    for (int part = 0; part < 3; ++part) {
      script += "vocabcount --ngrams " + std::string(orders) + " --lower --sort token --shard " +
                std::to_string(part) + "/3 \"$CORPUS\"/*.txt > part" + std::to_string(part) +
                ".tsv\n";
    }
    script +=
        "vocabcount --merge part0.tsv part1.tsv part2.tsv > merged.tsv\n"
        "cmp whole.tsv merged.tsv\n"
        "test \"$(grep -c ' ' whole.tsv)\" -gt 1000\n";
    const RunResult r = box.Run(script);
    INFO(orders << "\n" << r);
    CHECK(r.status == 0);
  }
}

}  // namespace
