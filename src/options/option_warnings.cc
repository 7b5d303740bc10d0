// The warnings about options that are valid but will not do on this machine,
// found before a run for every front end alike.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "base/memory_limit.h"
#include "vocabcount/settings.h"
#include "vocabcount/validate.h"

namespace vocabcount {
namespace {

// "23.4 GiB".
std::string GibText(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1 << 30));
  return text;
}

}  // namespace

std::vector<std::string> OptionWarnings(const Options& options) {
  std::vector<std::string> warnings;
  const internal::UsableMemory usable = internal::UsableMemoryLimit();
  if (options.memory_bytes > usable.bytes) {
    warnings.push_back("--memory " + FormatSize(options.memory_bytes) +
                       " is more than this process may use (" + GibText(usable.bytes) + ": " +
                       usable.limited_by + "); the budget cannot keep the run within memory");
  }
  return warnings;
}

}  // namespace vocabcount
