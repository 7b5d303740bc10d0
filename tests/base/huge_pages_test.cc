// Large blocks on huge-page boundaries, and read blocks that are reused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/huge_pages.h"
#include "input/block_pool.h"

namespace vocabcount::internal {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

TEST_CASE("Large allocations start on a huge-page boundary and hold every byte", "[huge_pages]") {
  for (std::size_t bytes : {kLargeAllocationBytes, kHugePage, kHugePage + 1, 3 * kHugePage + 5}) {
    INFO("bytes " << bytes);
    HugePageAllocator<std::uint8_t> allocator;
    std::uint8_t* block = allocator.allocate(bytes);
    CHECK(reinterpret_cast<std::uintptr_t>(block) % kHugePage == 0);
    for (std::size_t i = 0; i < bytes; ++i) block[i] = static_cast<std::uint8_t>(i * 7);
    bool intact = true;
    for (std::size_t i = 0; i < bytes; ++i) intact &= block[i] == static_cast<std::uint8_t>(i * 7);
    CHECK(intact);
    allocator.deallocate(block, bytes);
  }
}

TEST_CASE("Containers work on the huge-page allocator, small and large", "[huge_pages]") {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> numbers;
  // Growing passes from heap blocks to mapped ones and frees both kinds.
  for (std::uint64_t i = 0; i < 1'000'000; ++i) numbers.push_back(i * i);
  std::uint64_t wrong = 0;
  for (std::uint64_t i = 0; i < numbers.size(); ++i) wrong += numbers[i] != i * i;
  CHECK(wrong == 0);
}

TEST_CASE("Advice on memory allocated elsewhere leaves its contents alone", "[huge_pages]") {
  std::vector<char> memory(3 * kHugePage + 123, 'x');
  AdviseHugePages(memory.data(), memory.size());
  AdviseHugePages(memory.data() + 1, 10);  // less than a huge page: nothing to advise
  CHECK(std::count(memory.begin(), memory.end(), 'x') == static_cast<std::ptrdiff_t>(memory.size()));
}

TEST_CASE("A pool reuses a block once nothing holds it, and never before", "[block_pool]") {
  BlockPool pool(4096);
  std::shared_ptr<char[]> first = pool.Get(4096);
  std::shared_ptr<char[]> second = pool.Get(4096);
  CHECK(first.get() != second.get());
  char* const released = first.get();
  std::shared_ptr<char[]> view = first;  // a unit still viewing the block
  first.reset();
  std::shared_ptr<char[]> third = pool.Get(4096);
  CHECK(third.get() != released);
  view.reset();
  CHECK(pool.Get(4096).get() == released);
}

TEST_CASE("Blocks of other sizes are not pooled, and blocks outlive their pool", "[block_pool]") {
  std::shared_ptr<char[]> outliving;
  {
    BlockPool pool(4096);
    std::shared_ptr<char[]> odd = pool.Get(100);
    std::memset(odd.get(), 'a', 100);
    outliving = pool.Get(4096);
  }
  std::memset(outliving.get(), 'b', 4096);  // still ours; released after the pool
  CHECK(outliving[4095] == 'b');
}

}  // namespace
}  // namespace vocabcount::internal
