// TSV output: "token<TAB>count" lines, written in large blocks.
#include "vocabcount/write.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace vocabcount {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

void AppendEntry(std::string& out, const VocabularyEntry& entry) {
  out += entry.token;
  out += '\t';
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, entry.count).ptr;
  out.append(digits, end);
  out += '\n';
}

// Renders the TSV block by block, handing each block to `flush`; stops when
// `flush` returns false.
template <typename Flush>
bool RenderTsv(const Vocabulary& vocabulary, const WriteOptions& options, Flush flush) {
  std::string block;
  block.reserve(kBlockBytes + 4096);
  if (options.header) block += "token\tcount\n";
  for (const VocabularyEntry& entry : vocabulary) {
    AppendEntry(block, entry);
    if (block.size() >= kBlockBytes) {
      if (!flush(block)) return false;
      block.clear();
    }
  }
  return block.empty() || flush(block);
}

}  // namespace

WriteResult WriteTsv(const Vocabulary& vocabulary, const WriteOptions& options, int fd,
                     const std::string& display_name) {
  WriteResult result;
  RenderTsv(vocabulary, options, [&](std::string_view block) {
    while (!block.empty()) {
      const ssize_t written = write(fd, block.data(), block.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        if (errno == EPIPE) {
          result.broken_pipe = true;
        } else {
          result.problem = Problem{display_name, std::nullopt,
                                   std::string("write error: ") + std::strerror(errno)};
        }
        return false;
      }
      block.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
  });
  return result;
}

std::string FormatTsv(const Vocabulary& vocabulary, const WriteOptions& options) {
  std::string out;
  RenderTsv(vocabulary, options, [&](std::string_view block) {
    out += block;
    return true;
  });
  return out;
}

}  // namespace vocabcount
