// How much memory this process may use: physical memory, or less where its
// control group (Slurm's --mem, Docker's --memory, systemd's MemoryMax) sets
// a limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vocabcount::internal {

// The smaller of physical memory and the cgroup limit, as they were at the
// first call.
std::uint64_t UsableMemoryBytes();

// The same, with which of the two it is, for messages.
struct UsableMemory {
  std::uint64_t bytes = 0;
  const char* limited_by = "";  // "physical memory", or the cgroup's limit
};
UsableMemory UsableMemoryLimit();

// The tightest memory limit on the cgroup that `proc_self_cgroup` (the text
// of /proc/self/cgroup) names or any of its ancestors, read from the
// hierarchy mounted at `cgroup_root`: cgroup v2's memory.max, or v1's
// memory.limit_in_bytes under `cgroup_root`/memory. nullopt when none is set.
std::optional<std::uint64_t> CgroupMemoryLimit(std::string_view proc_self_cgroup,
                                               const std::string& cgroup_root);

}  // namespace vocabcount::internal
