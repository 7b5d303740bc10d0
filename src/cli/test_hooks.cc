// The environment variables tests use to steer a run of the command.
#include "cli/test_hooks.h"

namespace vocabcount::cli {

std::string ApplyTestHooks(const Environment& environment, bool memory_given, Options& options) {
  const auto budget = environment("VOCABCOUNT_TEST_MEMORY_BYTES");
  if (!budget || memory_given) return "";
  const auto bytes = ParseSize(*budget);
  if (!bytes || *bytes == 0) {
    return "VOCABCOUNT_TEST_MEMORY_BYTES: '" + *budget + "' is not a size";
  }
  options.memory_bytes = *bytes;
  return "";
}

}  // namespace vocabcount::cli
