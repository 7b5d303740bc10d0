// Splitting a path list into paths, reading it in large blocks.
#include "vocabcount/path_list.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace vocabcount {

std::optional<Problem> ReadPathList(const std::string& list, bool nul_separated,
                                    std::vector<std::string>& paths) {
  const bool from_stdin = list == "-";
  const int fd = from_stdin ? STDIN_FILENO : open(list.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Problem{.path = list, .what = std::strerror(errno), .error_number = errno};
  const char separator = nul_separated ? '\0' : '\n';
  std::string pending;  // the start of a path that a block boundary cut
  char block[1 << 16];
  std::optional<Problem> problem;
  for (;;) {
    const ssize_t got = read(fd, block, sizeof block);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      problem = Problem{.path = list, .what = std::string("read error: ") + std::strerror(errno)};
      break;
    }
    if (got == 0) break;
    std::string_view rest(block, static_cast<std::size_t>(got));
    while (!rest.empty()) {
      const std::size_t end = rest.find(separator);
      if (end == std::string_view::npos) {
        pending.append(rest);
        break;
      }
      pending.append(rest.substr(0, end));
      if (!pending.empty()) paths.push_back(std::move(pending));
      pending.clear();
      rest.remove_prefix(end + 1);
    }
  }
  if (!problem && !pending.empty()) paths.push_back(std::move(pending));
  if (!from_stdin) close(fd);
  return problem;
}

}  // namespace vocabcount
