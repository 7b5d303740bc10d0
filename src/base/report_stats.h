// The figures every run's report ends with, filled in one way for counting
// and merging alike.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "vocabcount/count.h"
#include "vocabcount/validate.h"

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

// Puts the problems ValidateOptions found into `report` as errors of the run
// (no path); returns whether there were any, so that the run does not start.
inline bool RefuseOptions(const std::vector<std::string>& problems, CountReport& report) {
  for (const std::string& problem : problems) report.errors.push_back(Problem{"", {}, problem});
  return !problems.empty();
}

// With keep_going, whether no input could be read: at least one failed,
// none was read to the end, and nothing was counted from those that failed
// part way. Then the run must not finish, since its empty vocabulary would
// replace the output; says so as an error of the run, after the inputs'
// own. Call it once the counts are finished (stats.tokens is known).
inline bool NothingRead(CountReport& report) {
  const bool an_input_failed =
      std::any_of(report.errors.begin(), report.errors.end(),
                  [](const Problem& problem) { return !problem.path.empty(); });
  if (!an_input_failed || report.stats.inputs > 0 || report.stats.tokens > 0) return false;
  report.errors.push_back(Problem{.what = "no input could be read; nothing is written"});
  return true;
}

}  // namespace vocabcount::internal
