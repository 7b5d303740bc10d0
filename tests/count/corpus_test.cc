// The engine against the plain-ICU reference on every corpus file, and against
// the hand-checked vocabularies of the smallest ones.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/reference_counter.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

std::string EngineTsv(const std::vector<std::string>& paths, CaseMapping case_mapping) {
  Options options;
  options.case_mapping = case_mapping;
  const CountReport report = CountForTest(paths, options);
  REQUIRE(report.ok());
  return FormatVocabulary(report.vocabulary, {});
}

TEST_CASE("Every corpus file counts as plain ICU counts it", "[corpus]") {
  const std::vector<std::string> paths = CorpusTexts();
  REQUIRE(paths.size() >= 12);
  for (const std::string& path : paths) {
    for (bool lower : {false, true}) {
      ReferenceCounts counts;
      ReferenceCountWords(ReadFile(path), lower, counts);
      INFO(path << (lower ? " --lower" : ""));
      CHECK(EngineTsv({path}, lower ? CaseMapping::kLower : CaseMapping::kNone) ==
            ReferenceTsv(counts));
    }
  }
}

TEST_CASE("The whole corpus counts as the sum of its files", "[corpus]") {
  ReferenceCounts counts;
  const std::vector<std::string> paths = CorpusTexts();
  for (const std::string& path : paths) ReferenceCountWords(ReadFile(path), false, counts);
  CHECK(EngineTsv(paths, CaseMapping::kNone) == ReferenceTsv(counts));
}

TEST_CASE("The smallest files give their hand-checked vocabularies", "[corpus]") {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(VOCABCOUNT_CORPUS_DIR) / "expected")) {
    const std::string name = entry.path().filename().string();
    const bool lower = name.ends_with(".lower.tsv");
    const std::string stem = name.substr(0, name.size() - (lower ? 10 : 4));
    const std::string text = (fs::path(VOCABCOUNT_CORPUS_DIR) / (stem + ".txt")).string();
    INFO(name);
    CHECK(EngineTsv({text}, lower ? CaseMapping::kLower : CaseMapping::kNone) ==
          ReadFile(entry.path().string()));
    ++checked;
  }
  CHECK(checked >= 10);
}

}  // namespace
}  // namespace vocabcount::testing
