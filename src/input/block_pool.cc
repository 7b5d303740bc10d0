// Handing out read blocks and taking them back.
#include "input/block_pool.h"

#include "base/huge_pages.h"

namespace vocabcount::internal {
namespace {

char* Allocate(std::size_t bytes) { return HugePageAllocator<char>().allocate(bytes); }

void Release(char* block, std::size_t bytes) { HugePageAllocator<char>().deallocate(block, bytes); }

}  // namespace

BlockPool::Shelf::~Shelf() {
  for (char* block : free_blocks) Release(block, block_bytes);
}

BlockPool::BlockPool(std::size_t block_bytes) : shelf_(std::make_shared<Shelf>(block_bytes)) {}

std::shared_ptr<char[]> BlockPool::Get(std::size_t bytes) {
  if (bytes != shelf_->block_bytes) {
    return std::shared_ptr<char[]>(Allocate(bytes), [bytes](char* block) { Release(block, bytes); });
  }
  char* block;
  {
    std::lock_guard lock(shelf_->mutex);
    if (shelf_->free_blocks.empty()) {
      // Room for every block there is, so that taking one back cannot fail.
      shelf_->free_blocks.reserve(shelf_->blocks + 1);
      block = Allocate(bytes);
      ++shelf_->blocks;
    } else {
      block = shelf_->free_blocks.back();
      shelf_->free_blocks.pop_back();
    }
  }
  // The deleter holds the shelf, so a block released after the pool is gone
  // still has somewhere to go.
  return std::shared_ptr<char[]>(block, [shelf = shelf_](char* returned) {
    std::lock_guard lock(shelf->mutex);
    shelf->free_blocks.push_back(returned);
  });
}

}  // namespace vocabcount::internal
