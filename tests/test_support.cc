// Helpers shared by the library tests.
#include "test_support.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tokenize.h"

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

std::string CountTextTsv(std::string_view text, const Options& options) {
  const CountReport report = CountText(text, options);
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

}  // namespace vocabcount::testing
