// The figures every run's report ends with, filled in one way for counting
// and merging alike.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "vocabcount/count.h"

namespace vocabcount::internal {

// Sets the skipped inputs (problems that name a path; the others concern the
// run) and the wall time since `start`.
inline void FinishStats(CountReport& report, std::chrono::steady_clock::time_point start) {
  report.stats.inputs_skipped = static_cast<std::uint64_t>(
      std::count_if(report.errors.begin(), report.errors.end(),
                    [](const Problem& problem) { return !problem.path.empty(); }));
  report.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace vocabcount::internal
