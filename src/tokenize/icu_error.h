// How a failed ICU call reads in a report: "ICU: what was being done: the
// error's name", one form for every ICU status the tokenizers check.
#pragma once

#include <unicode/utypes.h>

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace vocabcount::internal {

inline absl::Status IcuError(std::string_view doing, UErrorCode code) {
  return absl::InternalError("ICU: " + std::string(doing) + ": " + u_errorName(code));
}

}  // namespace vocabcount::internal
