// What tests may set through the environment and no user needs: kept out of
// the option parser and its help.
#pragma once

#include <string>

#include "vocabcount/settings.h"

namespace vocabcount::cli {

// VOCABCOUNT_TEST_MEMORY_BYTES: a budget in bytes (K, M, G, T allowed) below
// the floor --memory keeps, to make small runs spill; --memory wins. Returns
// the problem with its value, or an empty string.
std::string ApplyTestHooks(const Environment& environment, bool memory_given, Options& options);

}  // namespace vocabcount::cli
