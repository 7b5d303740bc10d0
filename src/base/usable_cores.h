// The threads a run asks for: Options::threads, or for 0 every core this
// process may run on, counted from its affinity mask as oneTBB counts them
// but without starting oneTBB, which a run on one thread never needs and
// which costs more than counting a small file.
#pragma once

#include <sched.h>
#include <unistd.h>

#include <algorithm>

#include "vocabcount/options.h"

namespace vocabcount::internal {

inline int UsableCores() {
  cpu_set_t cores;
  if (sched_getaffinity(0, sizeof cores, &cores) == 0) return std::max(CPU_COUNT(&cores), 1);
  return static_cast<int>(std::max(sysconf(_SC_NPROCESSORS_ONLN), 1L));
}

inline int ThreadsAsked(const Options& options) {
  return options.threads > 0 ? options.threads : UsableCores();
}

}  // namespace vocabcount::internal
