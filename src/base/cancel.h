// Stopping a run its caller cancelled (Options::cancel): the check each long
// loop makes. The exception ends the run as an error of its report (see
// report_failure.h), so no stage needs a way of its own to stop.
#pragma once

#include <stdexcept>

#include "vocabcount/options.h"

namespace vocabcount::internal {

inline void ThrowIfCancelled(const Options& options) {
  if (options.cancelled()) throw std::runtime_error(Options::kInterrupted);
}

}  // namespace vocabcount::internal
