// Read buffers that are used again: a block returns to its pool when the last
// unit viewing it is done, so a long run keeps touching the same few pages
// instead of faulting in fresh ones for every block.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace vocabcount::internal {

class BlockPool {
 public:
  // Blocks of `block_bytes` are kept for reuse; other sizes are not.
  explicit BlockPool(std::size_t block_bytes);

  // A block of `bytes` (uninitialised), shared by the units that view it.
  // Blocks may outlive the pool.
  std::shared_ptr<char[]> Get(std::size_t bytes);

 private:
  struct Shelf {
    explicit Shelf(std::size_t size) : block_bytes(size) {}
    ~Shelf();
    const std::size_t block_bytes;
    std::mutex mutex;
    std::vector<char*> free_blocks;
    std::size_t blocks = 0;  // of block_bytes, free or in use
  };

  std::shared_ptr<Shelf> shelf_;
};

}  // namespace vocabcount::internal
