// A report's figures as the text or the JSON object --stats prints, and a
// run's progress as one line, so that every front end shows the same figures
// under the same names.
#pragma once

#include <string>

#include "vocabcount/count.h"

namespace vocabcount {

enum class StatsFormat {
  kText,  // "name:   value" lines, values in one column; zero figures of
          // features the run did not use are left out
  kJson,  // one object on one line, every figure, n-gram orders nested
};

// The figures of `stats` in `format`, each line ending in a line feed.
std::string FormatStats(const CountStats& stats, StatsFormat format);

// A run in flight as one line: "42% 1.2/2.9 MB  3.1 MB/s  0:01 elapsed  ETA
// 0:01  inputs 3/7" (the percentage and ETA only when the total is known).
std::string FormatProgress(const Progress& progress);

}  // namespace vocabcount
