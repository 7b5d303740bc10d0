// The options table and ValidateOptions through the library: every value is
// read or refused by name, every problem comes at once, and each entry point
// refuses what the checks refuse, with the same words.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The problems of settings made from (name, value) pairs, as a front end
// would find them: values first, then the checks across options.
std::vector<std::string> Problems(const std::vector<std::pair<std::string, std::string>>& given,
                                  const std::vector<std::string>& paths = {"in.txt"}) {
  Settings settings;
  std::vector<std::string> problems;
  for (const auto& [name, value] : given) {
    std::string problem = SetOption(settings, name, value);
    if (!problem.empty()) problems.push_back(problem);
  }
  for (const std::string& problem : ValidateOptions(
           settings.count, {.kind = settings.kind, .paths = &paths, .write = &settings.write})) {
    problems.push_back(problem);
  }
  return problems;
}

TEST_CASE("Every option of the table is read by its name, dashes or underscores", "[options]") {
  std::set<std::string> names;
  for (const OptionSpec& spec : OptionTable()) {
    INFO(spec.name);
    CHECK(names.insert(std::string(spec.name)).second);
    CHECK_FALSE(spec.help.empty());
    Settings settings;
    // A flag takes "true"; a value option takes "x" or refuses it, but every
    // row is known and read.
    const std::string value = spec.value_name.empty() ? "true" : "x";
    const std::string problem = SetOption(settings, spec.name, value);
    CHECK_FALSE(Contains(problem, "no such option"));
    CHECK_FALSE(Contains(problem, "not read"));  // a row nothing reads
    std::string underscored(spec.name);
    for (char& c : underscored) c = c == '-' ? '_' : c;
    CHECK_FALSE(Contains(SetOption(settings, underscored, value), "no such option"));
  }
  Settings settings;
  CHECK(SetOption(settings, "nope", "1") == "--nope: there is no such option");
}

TEST_CASE("Values are read into the options they name", "[options]") {
  Settings settings;
  const std::pair<const char*, const char*> given[] = {{"tokenizer", "cl100k"},
                                                       {"ngram_separator", "_"},
                                                       {"min_count", "3"},
                                                       {"max_token_bytes", "100"},
                                                       {"top", "18446744073709551615"},
                                                       {"sort", "token"},
                                                       {"format", "json"},
                                                       {"threads", "7"},
                                                       {"include", "*.txt"},
                                                       {"include", "*.md"},
                                                       {"memory", "1G"},
                                                       {"temp_dir", "/var/tmp"},
                                                       {"jsonl", "meta.text"},
                                                       {"strict_jsonl", "true"},
                                                       {"casefold", "true"},
                                                       {"nfkc", "true"},
                                                       {"raw_pieces", "true"},
                                                       {"chunk_size", "5"}};
  for (const auto& [name, value] : given) {
    INFO(name << " " << value);
    CHECK(SetOption(settings, name, value).empty());
  }
  const Options& options = settings.count;
  CHECK(options.tokenizer == TokenizerKind::kCl100k);
  CHECK(options.ngram_separator == "_");
  CHECK(options.min_count == 3);
  CHECK(options.max_token_bytes == 100);
  CHECK(options.top == UINT64_MAX);
  CHECK(options.sort == SortOrder::kToken);
  CHECK(settings.write.format == OutputFormat::kJson);
  CHECK(options.threads == 7);
  CHECK(options.include == std::vector<std::string>{"*.txt", "*.md"});
  CHECK(options.memory_bytes == std::uint64_t{1} << 30);
  CHECK(options.temp_dir == "/var/tmp");
  CHECK(options.jsonl_field == "meta.text");
  CHECK(options.strict_jsonl);
  CHECK(options.case_mapping == CaseMapping::kFold);
  CHECK(options.normalization == Normalization::kNfkc);
  CHECK(options.raw_pieces);
  CHECK(options.chunk_bytes == 5);
  CHECK(SetOption(settings, "ngrams", "2-5").empty());
  CHECK((options.ngram_min == 2 && options.ngram_max == 5));
  CHECK(SetOption(settings, "shard", "3/8").empty());
  CHECK((options.shard_index == 3 && options.shard_count == 8));
  CHECK(SetOption(settings, "merge", "true").empty());
  CHECK(settings.kind == RunKind::kMerge);
}

TEST_CASE("Shard auto reads the Slurm job array from the environment given", "[options]") {
  Settings settings;
  const Environment slurm = [](const std::string& name) -> std::optional<std::string> {
    if (name == "SLURM_ARRAY_TASK_ID") return "7";
    if (name == "SLURM_ARRAY_TASK_MIN") return "5";
    if (name == "SLURM_ARRAY_TASK_COUNT") return "4";
    return std::nullopt;
  };
  CHECK(SetOption(settings, "shard", "auto", slurm).empty());
  CHECK((settings.count.shard_index == 2 && settings.count.shard_count == 4));
  const Environment none = [](const std::string&) { return std::nullopt; };
  CHECK(Contains(SetOption(settings, "shard", "auto", none), "--shard: auto needs"));
}

TEST_CASE("A bad value is refused with its option and its value named", "[options]") {
  const std::pair<const char*, const char*> bad[] = {{"threads", "0"},
                                                     {"threads", "1025"},
                                                     {"threads", "abc"},
                                                     {"min-count", "-5"},
                                                     {"min-count", "0"},
                                                     {"top", "18446744073709551616"},
                                                     {"max-token-bytes", "16777217"},
                                                     {"tokenizer", "Word"},
                                                     {"sort", "1"},
                                                     {"format", "2"},
                                                     {"ngrams", "0"},
                                                     {"ngrams", "3-2"},
                                                     {"ngrams", "1-17"},
                                                     {"shard", "1"},
                                                     {"shard", "a/b"},
                                                     {"memory", "255M"},
                                                     {"memory", "1X"},
                                                     {"memory", "2000T"},
                                                     {"jsonl", ""},
                                                     {"temp-dir", ""},
                                                     {"lower", "no"},
                                                     {"chunk-size", "0"}};
  for (const auto& [name, value] : bad) {
    Settings settings;
    const std::string problem = SetOption(settings, name, value);
    INFO(name << " " << value << ": " << problem);
    CHECK(problem.starts_with("--" + std::string(name) + ": "));
    if (*value != '\0') CHECK(Contains(problem, "'" + std::string(value) + "'"));
  }
}

TEST_CASE("Every problem is reported at once, in the words of the command line", "[options]") {
  const std::vector<std::string> problems = Problems({{"lower", "true"},
                                                      {"casefold", "true"},
                                                      {"top", "0"},
                                                      {"header", "true"},
                                                      {"format", "json"},
                                                      {"strict-jsonl", "true"},
                                                      {"shard", "4/4"}});
  const std::vector<std::string> expected = {
      "--lower and --casefold cannot be combined", "--top: '0' is not a whole number of at least 1",
      "--header goes only with --format tsv", "--strict-jsonl goes only with --jsonl",
      "--shard: part 4 of 4 does not exist (parts are 0 to N-1)"};
  CHECK(problems == expected);
  CHECK(Problems({{"shard", "0/2"}}, {"a.txt", "-"}) ==
        std::vector<std::string>{
            "--shard: standard input cannot be divided into parts; name the files"});
  CHECK(Problems({{"merge", "true"}, {"nfc", "true"}, {"jsonl", "text"}}).size() == 2);
  CHECK(Problems({{"ngrams", "2"}, {"ngram-separator", " "}, {"format", "glove"}}).size() == 1);
  CHECK(Problems({{"tokenizer", "gpt2"}, {"raw-pieces", "true"}, {"format", "json"}}).empty());
}

TEST_CASE("SetOption: --max-token-bytes takes sizes as --memory does, from 1 to 16M", "[options]") {
  for (const auto& [text, bytes] : std::vector<std::pair<std::string, std::size_t>>{
           {"16M", Options::kMaxTokenBytesLimit}, {"64K", 65536}, {"2k", 2048}, {"1", 1}}) {
    Settings settings;
    INFO(text);
    CHECK(SetOption(settings, "max_token_bytes", text).empty());
    CHECK(settings.count.max_token_bytes == bytes);
    CHECK(ParseSize(text) == std::optional<std::uint64_t>(bytes));
  }
  Settings settings;
  CHECK(SetOption(settings, "max-token-bytes", "17M") ==
        "--max-token-bytes: '17M' is not from 1 to 16M (16777216)");
  CHECK(SetOption(settings, "max-token-bytes", "0") ==
        "--max-token-bytes: '0' is not from 1 to 16M (16777216)");
  CHECK(SetOption(settings, "max-token-bytes", "1.5K") ==
        "--max-token-bytes: '1.5K' is not a size (a number, optionally with K, M, G or T)");
  Options options;
  options.max_token_bytes = Options::kMaxTokenBytesLimit + 1;
  CHECK(ValidateOptions(options) ==
        std::vector<std::string>{"--max-token-bytes: 16777217 is not from 1 to 16M (16777216)"});
}

TEST_CASE("FormatSize writes what ParseSize reads, in the largest unit that divides it",
          "[options]") {
  for (const auto& [bytes, text] : std::vector<std::pair<std::uint64_t, std::string>>{
           {0, "0"},
           {100, "100"},
           {1024, "1K"},
           {1536, "1536"},
           {std::uint64_t{256} << 20, "256M"},
           {(std::uint64_t{1} << 30) + 1024, "1048577K"},
           {std::uint64_t{1000} << 40, "1000T"}}) {
    INFO(bytes);
    CHECK(FormatSize(bytes) == text);
    CHECK(ParseSize(FormatSize(bytes)) == std::optional<std::uint64_t>(bytes));
  }
}

TEST_CASE("AllowedValues says what each option takes, as its refusals do", "[options]") {
  CHECK(AllowedValues("top") == "a whole number of at least 1");
  CHECK(AllowedValues("threads") == "a whole number from 1 to 1024");
  CHECK(AllowedValues("sort") == "one of count or token");
  CHECK(AllowedValues("tokenizer") == "one of word, whitespace, gpt2, cl100k or o200k");
  CHECK(AllowedValues("memory") == "a size (a number, optionally with K, M, G or T)");
  // A flag, as SetOption takes it; any text will do: nothing to say.
  CHECK(AllowedValues("lower") == "true or false");
  CHECK(AllowedValues("ngram-separator") == "");
  // Each option of the table that takes a value: what it says is what it
  // refuses another value with.
  for (const OptionSpec& spec : OptionTable()) {
    const std::string allowed = AllowedValues(spec.name);
    if (allowed.empty() || allowed.starts_with("one of ")) continue;
    Settings settings;
    INFO(spec.name);
    CHECK(SetOption(settings, spec.name, "x") ==
          "--" + std::string(spec.name) + ": 'x' is not " + allowed);
  }
}

TEST_CASE("An option that cannot have an effect with the others given is refused", "[options]") {
  const std::string separator =
      "--ngram-separator goes only with --ngrams N or M-N where N is 2 or more (without n-grams, "
      "no tokens are joined)";
  CHECK(Problems({{"ngram-separator", "_"}}) == std::vector<std::string>{separator});
  CHECK(Problems({{"ngrams", "1"}, {"ngram-separator", "_"}}) ==
        std::vector<std::string>{separator});
  CHECK(Problems({{"ngrams", "1-2"}, {"ngram-separator", "_"}}).empty());
  CHECK(Problems({{"ngram-separator", " "}}).empty());  // the default: nothing given
  // A merge refuses the separator for its own reason, once.
  CHECK(Problems({{"merge", "true"}, {"ngram-separator", "_"}}).size() == 1);
  // Documents in memory have no links to follow and no input to skip.
  Options documents;
  documents.follow_symlinks = true;
  documents.keep_going = true;
  CHECK(ValidateOptions(documents, {.kind = RunKind::kDocuments}) ==
        std::vector<std::string>{
            "--follow: documents handed over in memory have no symbolic links to follow",
            "--keep-going: documents handed over in memory are one input, which cannot be "
            "skipped"});
  CHECK(ValidateOptions(documents).empty());  // files may be links, and may fail
}

TEST_CASE("OptionWarnings: a budget past what this process may use", "[options]") {
  Options options;
  CHECK(OptionWarnings(options).empty());  // the default follows the machine
  options.memory_bytes = Options::kMinMemoryBytes;
  CHECK(OptionWarnings(options).empty());
  options.memory_bytes = std::uint64_t{1} << 50;
  const std::vector<std::string> warnings = OptionWarnings(options);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("--memory 1024T is more than this process may use ("));
  CHECK(warnings[0].ends_with("); the budget cannot keep the run within memory"));
  options.memory_bytes = (std::uint64_t{1} << 50) + 1;
  CHECK(OptionWarnings(options).at(0).starts_with("--memory 1125899906842625 is more"));
}

TEST_CASE("Count, CountText and MergeVocabularies refuse bad options with the same words",
          "[options]") {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.txt"), "one two\n");
  Options options;
  options.shard_index = 3;  // of 2: called through the library this once counted nothing
  options.shard_count = 2;
  options.strict_jsonl = true;
  const std::vector<std::string> expected = ValidateOptions(options);
  REQUIRE(expected.size() == 2);
  const auto messages = [](const CountReport& report) {
    std::vector<std::string> texts;
    for (const Problem& problem : report.errors) texts.push_back(problem.ToString());
    return texts;
  };
  const CountReport counted = Count({dir.File("a.txt")}, options);
  CHECK_FALSE(counted.finished);
  CHECK(counted.vocabulary.empty());
  CHECK(messages(counted) == expected);
  CHECK(messages(CountText("one two\n", options)) == expected);

  Options merge;
  merge.tokenizer = TokenizerKind::kWhitespace;
  testing::WriteFile(dir.File("a.tsv"), "one\t1\n");
  const MergeReport merged = MergeVocabularies({dir.File("a.tsv")}, merge);
  CHECK_FALSE(merged.finished);
  CHECK(messages(merged) == ValidateOptions(merge, {.kind = RunKind::kMerge}));
  CHECK(messages(merged).size() == 1);
  // Options a count takes are no problem for one.
  CHECK(CountText("one two\n", merge).ok());
}

TEST_CASE("Warnings are data: kind, place and number, with their sentence", "[options]") {
  Options options;
  options.max_token_bytes = 4;
  const CountReport report = CountText("short lengthy\xff words wonderful\xfe\n", options);
  REQUIRE(report.ok());
  REQUIRE(report.warnings.size() == 2);
  const Warning& ill_formed = report.warnings[0];
  CHECK(ill_formed.kind == Warning::Kind::kIllFormedUtf8);
  CHECK(ill_formed.byte_offset == report.ill_formed.at(0).first_offset);
  CHECK(ill_formed.count == 2);
  CHECK(ill_formed.ToString() ==
        "<text>:13: 2 ill-formed UTF-8 sequences (the first at byte 13) separate tokens and are "
        "not counted");
  const Warning& long_tokens = report.warnings[1];
  CHECK(long_tokens.kind == Warning::Kind::kLongTokens);
  CHECK(long_tokens.count == report.long_tokens.at(0).tokens);
  CHECK(long_tokens.count == 4);  // short lengthy words wonderful
  CHECK(long_tokens.byte_offset == std::optional<std::uint64_t>(0));
  CHECK(Contains(long_tokens.what, "4 tokens longer than 4 bytes are not counted"));
}

TEST_CASE("Stats text and JSON show the same figures", "[options]") {
  CountStats stats;
  stats.inputs = 3;
  stats.bytes = 2'000'000;
  stats.tokens = 11;
  stats.distinct_tokens = 7;
  stats.threads = 2;
  stats.seconds = 0.5;
  stats.long_tokens = 5;
  stats.memory_budget = std::uint64_t{256} << 20;
  stats.peak_table_bytes = std::uint64_t{3} << 20;
  stats.ngrams_by_order = {{1, 6}, {2, 5}};
  const std::string text = FormatStats(stats, StatsFormat::kText);
  const std::string json = FormatStats(stats, StatsFormat::kJson);
  INFO(text << json);
  for (const char* line : {"inputs:          3\n", "n-grams:         11\n", "distinct:        7\n",
                           "MB/s:            4.0\n", "1-grams:         6\n", "2-grams:         5\n",
                           "long tokens:     5 (not counted)\n", "memory budget:   256 MiB\n",
                           "peak tables:     3 MiB\n"}) {
    CHECK(Contains(text, line));
  }
  // Figures of features the run did not use stay out of the text.
  CHECK_FALSE(Contains(text, "compressed"));
  CHECK_FALSE(Contains(text, "spilled"));
  CHECK_FALSE(Contains(text, "JSON lines"));
  for (const char* pair :
       {"\"inputs\":3,", "\"tokens\":11,", "\"ngrams\":{\"1\":6,\"2\":5},", "\"seconds\":0.500000,",
        "\"mb_per_second\":4.000,", "\"memory_budget\":268435456,", "\"jsonl_lines\":0,",
        "\"jsonl_bad_lines\":0}\n"}) {
    CHECK(Contains(json, pair));
  }
  CHECK(Contains(json, "\"native_segmenters\":false,"));
  CHECK_FALSE(Contains(text, "dictionaries"));
  stats.native_segmenters = true;
  CHECK(Contains(FormatStats(stats, StatsFormat::kText), "dictionaries:    native engines"));
  CHECK(Contains(FormatStats(stats, StatsFormat::kJson), "\"native_segmenters\":true,"));
  CHECK(json.starts_with("{\"inputs\":3,"));
  CHECK(std::count(json.begin(), json.end(), '\n') == 1);
}

}  // namespace
}  // namespace vocabcount
