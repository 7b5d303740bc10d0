// Checking the n-gram settings of Options, for the library and the command.
#include <string>

#include "input/utf8_scan.h"
#include "vocabcount/options.h"

namespace vocabcount {

std::string NgramOptionsProblem(const Options& options) {
  const int min = options.ngram_min, max = options.ngram_max;
  if (min < 1 || min > max || max > Options::kMaxNgramOrder) {
    return "--ngrams: n-gram orders " + std::to_string(min) + " to " + std::to_string(max) +
           " are out of range: orders go from 1 to " + std::to_string(Options::kMaxNgramOrder) +
           ", the lower first";
  }
  const std::string& separator = options.ngram_separator;
  if (separator.empty()) return "--ngram-separator: the n-gram separator is empty";
  // Each of these would break the line an entry is written on.
  if (separator.find_first_of("\t\n\r") != std::string::npos) {
    return "--ngram-separator: the n-gram separator holds a tab, line feed or carriage return, "
           "which would break the output's lines";
  }
  if (internal::ScanUtf8(separator).bad_sequences > 0) {
    return "--ngram-separator: the n-gram separator is not well-formed UTF-8";
  }
  return "";
}

}  // namespace vocabcount
