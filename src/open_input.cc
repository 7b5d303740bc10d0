// Opening an input's descriptor and handing it to a TextStream.
#include "open_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace vocabcount::internal {

std::optional<TextStream> OpenText(const Input& input, std::optional<Problem>& problem) {
  const bool is_stdin = input.kind == Input::Kind::kStdin;
  const int fd = is_stdin ? STDIN_FILENO : open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    problem = Problem{input.path, std::nullopt, std::strerror(errno)};
    return std::nullopt;
  }
  if (!is_stdin) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  // A file may have any descriptor, even 0 when the process was started with
  // standard input closed; only a file opened here is closed.
  auto owned = std::shared_ptr<const int>(new int(fd), [is_stdin](const int* descriptor) {
    if (!is_stdin) close(*descriptor);
    delete descriptor;
  });
  return TextStream([owned](char* buffer, std::size_t size) { return read(*owned, buffer, size); });
}

}  // namespace vocabcount::internal
