// Opening an input's descriptor and handing it to a TextStream.
#include "input/open_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

namespace vocabcount::internal {

std::optional<TextStream> OpenText(const Input& input, std::optional<Problem>& problem) {
  const bool is_stdin = input.kind == Input::Kind::kStdin;
  const int fd = is_stdin ? STDIN_FILENO : open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    problem = Problem{.path = input.path, .what = std::strerror(errno), .error_number = errno};
    return std::nullopt;
  }
  // The advice changes nothing for a file the kernel's own read-ahead (128
  // KiB by default) takes whole: there it would be a system call per file.
  constexpr std::uint64_t kReadAheadBytes = std::uint64_t{128} << 10;
  if (!is_stdin && input.expected_bytes.value_or(kReadAheadBytes + 1) > kReadAheadBytes) {
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  // A file may have any descriptor, even 0 when the process was started with
  // standard input closed; only a file opened here is closed.
  auto owned = std::shared_ptr<const int>(new int(fd), [is_stdin](const int* descriptor) {
    if (!is_stdin) close(*descriptor);
    delete descriptor;
  });
  // A regular file must be read to the size it had when opened. One that ends
  // sooner and is now smaller was truncated while it was read: its text is
  // neither the old nor the new one, and the last unit could end inside a
  // word. Files whose size says nothing (those of /proc, /sys) do not shrink.
  std::optional<std::uint64_t> size_at_open;
  struct stat st;
  if (!is_stdin && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size_at_open = st.st_size;
  return TextStream([owned, size_at_open, done = std::uint64_t{0}](
                        char* buffer, std::size_t size, std::string& failure) mutable -> ssize_t {
    const ssize_t got = read(*owned, buffer, size);
    if (got > 0) done += static_cast<std::uint64_t>(got);
    struct stat now;
    if (got == 0 && size > 0 && size_at_open && done < *size_at_open && fstat(*owned, &now) == 0 &&
        static_cast<std::uint64_t>(now.st_size) < *size_at_open) {
      failure = "the file shrank from " + std::to_string(*size_at_open) + " to " +
                std::to_string(now.st_size) + " bytes while it was read";
      return -1;
    }
    return got;
  });
}

}  // namespace vocabcount::internal
