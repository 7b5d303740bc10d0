// Checking the pre-tokenizer settings of Options, for the library and the command.
#include <string>

#include "vocabcount/options.h"

namespace vocabcount {

std::string PieceOptionsProblem(const Options& options) {
  if (IsPieceTokenizer(options.tokenizer)) {
    if (options.counts_ngrams()) {
      return "--ngrams: n-grams cannot be counted with the pre-tokenizers gpt2, cl100k and "
             "o200k: their pieces hold the spaces between words, so a run of pieces is just a "
             "longer text; count n-grams with the word or whitespace tokenizer";
    }
  } else if (options.raw_pieces) {
    return "--raw-pieces: raw pieces go only with the pre-tokenizers gpt2, cl100k and o200k";
  }
  return "";
}

}  // namespace vocabcount
