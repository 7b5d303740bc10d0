// vocabcount-reference-ngrams: the tests' plain n-gram reference as a command,
// so that benchmarks can check vocabcount's output on their own inputs.
//   vocabcount-reference-ngrams [-t word|whitespace] [--lower] MIN MAX FILE...
// writes "ngram<TAB>count" lines, count descending then bytes ascending.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "support/reference_ngrams.h"
#include "support/test_support.h"

int main(int argc, char** argv) {
  using namespace vocabcount;
  Options options;
  int arg = 1;
  for (; arg < argc && argv[arg][0] == '-'; ++arg) {
    const std::string_view flag = argv[arg];
    if (flag == "--lower") {
      options.case_mapping = CaseMapping::kLower;
    } else if (flag == "-t" && arg + 1 < argc) {
      options.tokenizer = std::string_view(argv[++arg]) == "whitespace" ? TokenizerKind::kWhitespace
                                                                         : TokenizerKind::kWord;
    } else {
      break;
    }
  }
  if (argc - arg < 3) {
    std::fputs("usage: vocabcount-reference-ngrams [-t word|whitespace] [--lower] MIN MAX FILE...\n",
               stderr);
    return 2;
  }
  options.ngram_min = std::atoi(argv[arg]);
  options.ngram_max = std::atoi(argv[arg + 1]);
  try {
    testing::ReferenceCounts counts;
    for (int i = arg + 2; i < argc; ++i) {
      testing::ReferenceCountNgrams(testing::ReadFile(argv[i]), options, counts);
    }
    const std::string tsv = testing::ReferenceTsv(counts);
    std::fwrite(tsv.data(), 1, tsv.size(), stdout);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "vocabcount-reference-ngrams: %s\n", error.what());
    return 1;
  }
  return 0;
}
