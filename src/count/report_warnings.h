// The warnings of a count's report, in words: made once here, so that the
// command line and every other front end say the same.
#pragma once

#include "vocabcount/count.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

// Fills report.warnings from its ill-formed, long-token and bad-JSON lists;
// `options` say what the limits were and how ill-formed bytes were read.
void AddWarnings(const Options& options, CountReport& report);

}  // namespace vocabcount::internal
