// Reading argv against the shapes of the registered options before the
// option parser does, so that every usage error it could meet is worded by
// us: unknown options (with the nearest name), flags given a value, values
// missing or given twice, "--stats json".
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace vocabcount::cli {

// What the check needs to know of one option.
struct OptionShape {
  std::string long_name;  // without dashes: "ngram-separator"
  char short_name = 0;    // 'j', or 0
  bool takes_value = false;
  bool repeatable = false;  // a value option that may be given again
  // A flag that takes "=VALUE" (--stats=json) but never a separate value.
  bool optional_value = false;
  std::string value_name;  // "N", "FILE"...: said when the value is missing
};

// What an option's value may be, by long name (", a whole number of at
// least 1"), asked only when a value is missing.
using WhatIsAllowed = std::function<std::string(const std::string& long_name)>;

// The usage problems of `argv`, one message each (without "vocabcount: "),
// in the order met; empty when the parser will take it.
std::vector<std::string> ArgvProblems(const std::vector<OptionShape>& options, int argc,
                                      const char* const* argv, const WhatIsAllowed& allowed);

}  // namespace vocabcount::cli
