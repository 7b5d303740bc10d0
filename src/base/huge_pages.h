// Memory for large tables and buffers, backed by transparent huge pages where
// the system offers them. On virtual machines the first touch of each 4 KiB
// page can cost around 10 µs; a 2 MiB page is faulted in once.
#pragma once

#include <cstddef>
#include <memory>

namespace vocabcount::internal {

// Allocations at least this large are mapped on their own, 2 MiB aligned, and
// advised as huge pages.
inline constexpr std::size_t kLargeAllocationBytes = std::size_t{1} << 20;

// Throws std::bad_alloc when the system refuses.
void* MapLarge(std::size_t bytes);
// Unmaps a block from MapLarge, whatever size the caller believes it has;
// returns false, touching nothing, for memory MapLarge did not hand out.
bool UnmapLarge(void* memory);

// Advises the whole huge pages inside memory allocated elsewhere (a standard
// container's storage, say) to be backed by huge pages.
void AdviseHugePages(void* memory, std::size_t bytes);

// An allocator for standard and Abseil containers: large blocks come from
// MapLarge, small ones from the usual heap.
template <class T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    if (n * sizeof(T) < kLargeAllocationBytes) return std::allocator<T>().allocate(n);
    return static_cast<T*>(MapLarge(n * sizeof(T)));
  }
  // `n` can be larger than what was allocated: Abseil's tables record their
  // new capacity before allocating it, and after a failed allocation free the
  // old storage with the new size. So a large `n` may even mean a heap block.
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kLargeAllocationBytes || !UnmapLarge(p)) {
      std::allocator<T>().deallocate(p, n);
    }
  }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

}  // namespace vocabcount::internal
