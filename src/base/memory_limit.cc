// Reading physical memory and cgroup limits.
#include "base/memory_limit.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace vocabcount::internal {
namespace {

// v1 writes "no limit" as a huge number near 2^63.
constexpr std::uint64_t kNoLimitAbove = std::uint64_t{1} << 60;

std::optional<std::uint64_t> ReadLimit(const std::string& path) {
  std::ifstream file(path);
  std::string value;
  if (!(file >> value) || value.empty() ||
      value.find_first_not_of("0123456789") != std::string::npos || value.size() > 19) {
    return std::nullopt;  // missing, or "max"
  }
  const std::uint64_t limit = std::stoull(value);
  if (limit >= kNoLimitAbove) return std::nullopt;
  return limit;
}

// The tightest limit in `file` of the cgroup at `path` (under `root`) and
// its ancestors.
std::optional<std::uint64_t> TightestOnPath(const std::string& root, std::string path,
                                            const std::string& file) {
  std::optional<std::uint64_t> tightest;
  while (true) {
    if (auto limit = ReadLimit(root + path + "/" + file)) {
      tightest = std::min(tightest.value_or(*limit), *limit);
    }
    if (path.empty() || path == "/") break;
    path.erase(path.find_last_of('/'));
  }
  return tightest;
}

}  // namespace

std::optional<std::uint64_t> CgroupMemoryLimit(std::string_view proc_self_cgroup,
                                               const std::string& cgroup_root) {
  std::optional<std::uint64_t> tightest;
  auto keep = [&](std::optional<std::uint64_t> limit) {
    if (limit) tightest = std::min(tightest.value_or(*limit), *limit);
  };
  std::istringstream lines{std::string(proc_self_cgroup)};
  std::string line;
  while (std::getline(lines, line)) {
    // "hierarchy-id:controllers:path"; the path may hold colons.
    const std::size_t first = line.find(':');
    const std::size_t second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    if (path == "/") path.clear();
    if (controllers.empty()) {
      keep(TightestOnPath(cgroup_root, path, "memory.max"));
      keep(TightestOnPath(cgroup_root + "/unified", path, "memory.max"));
    }
    std::istringstream names(controllers);
    std::string name;
    while (std::getline(names, name, ',')) {
      if (name == "memory") {
        keep(TightestOnPath(cgroup_root + "/memory", path, "memory.limit_in_bytes"));
      }
    }
  }
  return tightest;
}

namespace {

UsableMemory ReadUsableMemory() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_bytes = sysconf(_SC_PAGESIZE);
  UsableMemory usable{
      .bytes = pages > 0 && page_bytes > 0
                   ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_bytes)
                   : std::uint64_t{4} << 30,
      .limited_by = "physical memory"};
  std::ifstream file("/proc/self/cgroup");
  std::stringstream text;
  text << file.rdbuf();
  if (auto limit = CgroupMemoryLimit(text.str(), "/sys/fs/cgroup");
      limit && *limit < usable.bytes) {
    usable = {.bytes = *limit, .limited_by = "the memory limit of its control group"};
  }
  return usable;
}

}  // namespace

UsableMemory UsableMemoryLimit() {
  // Read once: a process's limits are set when it starts (by Slurm, Docker
  // or systemd), and reading five files costs more than counting a small
  // text, which a program calling the library may do thousands of times.
  static const UsableMemory usable = ReadUsableMemory();
  return usable;
}

std::uint64_t UsableMemoryBytes() { return UsableMemoryLimit().bytes; }

}  // namespace vocabcount::internal
