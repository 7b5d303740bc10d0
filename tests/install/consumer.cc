// Uses the installed library's public API; exits non-zero when a result is wrong.
#include <vocabcount/vocabcount.h>

#include <iostream>

int main() {
  vocabcount::Options options;
  options.case_mapping = vocabcount::CaseMapping::kLower;
  const vocabcount::CountReport report = vocabcount::CountText("B a b, Straße", options);
  const std::string tsv = vocabcount::FormatVocabulary(report.vocabulary, {});
  const std::string expected = "b\t2\na\t1\nstraße\t1\n";
  if (!report.ok() || tsv != expected) {
    std::cerr << "expected:\n" << expected << "actual:\n" << tsv;
    return 1;
  }
  std::cout << "vocabcount " << VOCABCOUNT_VERSION << " found and working\n";
  return 0;
}
