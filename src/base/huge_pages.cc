// Mapping large blocks on huge-page boundaries.
#include "base/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>
#include <mutex>
#include <new>
#include <unordered_map>

namespace vocabcount::internal {
namespace {

constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// The length of every live mapping by its start: UnmapLarge does not trust
// the size its caller passes (see HugePageAllocator::deallocate).
struct Mappings {
  std::mutex mutex;
  std::unordered_map<std::uintptr_t, std::size_t> lengths;
};
Mappings& LiveMappings() {
  static Mappings* mappings = new Mappings;  // never destroyed: used until exit
  return *mappings;
}

std::uintptr_t RoundUpToHugePage(std::uintptr_t n) {
  return (n + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

void Advise(std::uintptr_t start, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Advice only: without transparent huge pages the memory still works.
  madvise(reinterpret_cast<void*>(start), bytes, MADV_HUGEPAGE);
#endif
}

}  // namespace

void* MapLarge(std::size_t bytes) {
  // Whole small pages only: rounding up to huge pages would waste up to
  // 2 MiB a block, which many partition tables of a few MiB add up to. The
  // aligned 2 MiB ranges inside still get huge pages, the tail small ones.
  constexpr std::size_t kPageBytes = 4096;
  const std::size_t length = (bytes + kPageBytes - 1) / kPageBytes * kPageBytes;
  // Map one huge page more than needed, then give back the ends so that what
  // stays starts on a huge-page boundary: only whole, aligned 2 MiB ranges
  // can be backed by huge pages.
  const std::size_t mapped = length + kHugePageBytes;
  void* start = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED) throw std::bad_alloc();
  const auto first = reinterpret_cast<std::uintptr_t>(start);
  const std::uintptr_t aligned = RoundUpToHugePage(first);
  if (aligned > first) munmap(start, aligned - first);
  const std::size_t after = first + mapped - (aligned + length);
  if (after > 0) munmap(reinterpret_cast<void*>(aligned + length), after);
  Advise(aligned, length);
  try {
    Mappings& mappings = LiveMappings();
    std::lock_guard lock(mappings.mutex);
    mappings.lengths.emplace(aligned, length);
  } catch (...) {
    munmap(reinterpret_cast<void*>(aligned), length);
    throw;
  }
  return reinterpret_cast<void*>(aligned);
}

bool UnmapLarge(void* memory) {
  Mappings& mappings = LiveMappings();
  std::size_t length;
  {
    std::lock_guard lock(mappings.mutex);
    const auto it = mappings.lengths.find(reinterpret_cast<std::uintptr_t>(memory));
    if (it == mappings.lengths.end()) return false;
    length = it->second;
    mappings.lengths.erase(it);
  }
  munmap(memory, length);
  return true;
}

void AdviseHugePages(void* memory, std::size_t bytes) {
  const auto start = reinterpret_cast<std::uintptr_t>(memory);
  const std::uintptr_t first = RoundUpToHugePage(start);
  const std::uintptr_t end = (start + bytes) / kHugePageBytes * kHugePageBytes;
  if (end > first) Advise(first, end - first);
}

}  // namespace vocabcount::internal
