// The sentences of a count's warnings, built from the report's lists.
#include "count/report_warnings.h"

#include <string>

namespace vocabcount::internal {
namespace {

// "1 token" or "2 tokens".
std::string CountOf(std::uint64_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

void AddWarnings(const Options& options, CountReport& report) {
  for (const IllFormedInput& input : report.ill_formed) {
    const bool one = input.sequences == 1;
    // Pre-tokenizers read the text as Python decodes it; the others skip such bytes.
    const std::string effect = IsPieceTokenizer(options.tokenizer)
                                   ? std::string(one ? "is" : "are") + " read as U+FFFD"
                                   : std::string(one ? "separates" : "separate") + " tokens and " +
                                         (one ? "is" : "are") + " not counted";
    report.warnings.push_back(Warning{
        .kind = Warning::Kind::kIllFormedUtf8,
        .path = input.path,
        .byte_offset = input.first_offset,
        .line = std::nullopt,
        .count = input.sequences,
        .what =
            CountOf(input.sequences, "ill-formed UTF-8 sequence", "ill-formed UTF-8 sequences") +
            " (the first at byte " + std::to_string(input.first_offset) + ") " + effect});
  }
  for (const LongTokenInput& input : report.long_tokens) {
    if (input.tokens > 0) {
      std::string what = CountOf(input.tokens, "token", "tokens") + " longer than " +
                         std::to_string(options.max_token_bytes) + " bytes " +
                         (input.tokens == 1 ? "is" : "are") + " not counted";
      if (input.first_offset) {
        what += " (the first at byte " + std::to_string(*input.first_offset) + ")";
      }
      report.warnings.push_back(Warning{.kind = Warning::Kind::kLongTokens,
                                        .path = input.path,
                                        .byte_offset = input.first_offset,
                                        .line = std::nullopt,
                                        .count = input.tokens,
                                        .what = what});
    }
    if (input.forced_cuts > 0) {
      report.warnings.push_back(
          Warning{.kind = Warning::Kind::kForcedCuts,
                  .path = input.path,
                  .byte_offset = std::nullopt,
                  .line = std::nullopt,
                  .count = input.forced_cuts,
                  .what = "cut at " + CountOf(input.forced_cuts, "place", "places") +
                          " in text with no line feed, space or control character for more than " +
                          std::to_string(options.stretch_bytes()) +
                          " bytes; a token reaching such a cut is taken as too long"});
    }
  }
  for (const BadJsonlInput& input : report.bad_jsonl) {
    const std::string how_many = input.lines == 1 ? "a bad JSON line: not counted"
                                                  : "the first of " + std::to_string(input.lines) +
                                                        " bad JSON lines, which are not counted";
    report.warnings.push_back(Warning{.kind = Warning::Kind::kBadJsonl,
                                      .path = input.path,
                                      .byte_offset = std::nullopt,
                                      .line = input.first_line,
                                      .count = input.lines,
                                      .what = input.first_reason + " (" + how_many + ")"});
  }
}

}  // namespace vocabcount::internal
