// Helpers shared by the library tests.
#include "support/test_support.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tokenize/tokenize.h"

namespace vocabcount::testing {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::vector<std::string> CorpusTexts() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(VOCABCOUNT_CORPUS_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "vocabcount-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

Options WithTestBudget(Options options) {
  const char* budget = std::getenv("VOCABCOUNT_TEST_MEMORY_BYTES");
  if (budget != nullptr && options.memory_bytes == 0) options.memory_bytes = std::stoull(budget);
  return options;
}

}  // namespace

CountReport CountForTest(const std::vector<std::string>& paths, Options options) {
  return Count(paths, WithTestBudget(std::move(options)));
}

CountReport CountTextForTest(std::string_view text, Options options) {
  return CountText(text, WithTestBudget(std::move(options)));
}

std::string CountTextTsv(std::string_view text, const Options& options) {
  const CountReport report = CountTextForTest(text, options);
  if (!report.ok()) throw std::runtime_error("count failed");
  return FormatVocabulary(report.vocabulary, {});
}

std::vector<std::string> Tokens(std::string_view text, TokenizerKind kind) {
  auto tokenizer = internal::MakeTokenizer(kind);
  if (!tokenizer.ok()) throw std::runtime_error("no tokenizer");
  std::vector<std::string> tokens;
  auto status = (*tokenizer)->Tokenize(text, [&](std::string_view token) { tokens.emplace_back(token); });
  if (!status.ok()) throw std::runtime_error("tokenize failed");
  return tokens;
}

std::string RandomText(std::mt19937& random, int pieces) {
  static const std::string kPieces[] = {
      "a", "Z", "7", " ", " ", "\n", "\r\n", "\r", "'", ".", ",", "_", "-", "\t",
      "é", "e\u0301", "\u0301", "\u200D", "\u200B", "👩", "👍🏽", "🇫", "🇷", "1\uFE0F\u20E3",
      "東京", "は", "カタカナ", "ー", "한국어", "ไทย", "ภาษา", "Ωμέγα", "ς", "Привет",
      "שלום", "\"", "״", "١٢", "\xFF", "\x80", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xEF\xBB\xBF",
      std::string(1, '\0')};
  std::string text;
  for (int i = 0; i < pieces; ++i) text += kPieces[random() % std::size(kPieces)];
  return text;
}

}  // namespace vocabcount::testing
