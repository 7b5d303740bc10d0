// The library's one error contract for a whole run, counting and merging
// alike: whatever a run throws becomes an error of its report, never an
// exception for the caller.
#pragma once

#include <exception>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "vocabcount/count.h"

namespace vocabcount::internal {

// Runs `run(report)`. If it throws (out of memory, a spill that cannot be
// written), the report ends unfinished, without a vocabulary, and with the
// exception's message as an error of the run (no path).
template <typename Report, typename Run>
void RunReportingFailure(Report& report, Run&& run) {
  std::string failure;
  try {
    std::forward<Run>(run)(report);
    return;
  } catch (const std::bad_alloc&) {
    failure = "out of memory";
  } catch (const std::exception& error) {
    failure = error.what();
  }
  report.finished = false;
  report.vocabulary.clear();
  report.errors.push_back(Problem{.what = std::move(failure)});
}

}  // namespace vocabcount::internal
