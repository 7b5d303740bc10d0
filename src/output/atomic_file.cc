// Temporary file + rename: the target is replaced in one step or not at all.
// Devices and FIFOs are written in place: renaming a file over /dev/null
// would replace the device node itself.
#include "vocabcount/atomic_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace vocabcount {
namespace {

// As many links as Linux follows in one path before it gives up (ELOOP).
constexpr int kMaxLinksFollowed = 40;

Problem ErrnoProblem(const std::string& path, const char* doing) {
  const int error_number = errno;
  return Problem{.path = path,
                 .what = std::string(doing) + std::strerror(error_number),
                 .error_number = error_number};
}

// Creates a file of its own at `pattern`, whose last six characters are
// replaced until the name is new (as mkostemp does). The kernel applies the
// process's umask (and a directory's default ACL) to `mode`: learning the
// umask takes umask(2), which sets it, and a host program's other threads
// could create files while it is changed.
int CreateUnique(std::string& pattern, mode_t mode) {
  static constexpr char kLetters[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static std::atomic<std::uint64_t> calls{0};
  constexpr int kAttempts = 1000;
  const std::size_t tail = pattern.size() - 6;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    // Names need not be unpredictable, only unlikely to be taken: O_EXCL
    // refuses a name that is.
    std::uint64_t bits =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
        (static_cast<std::uint64_t>(getpid()) << 32) ^ (calls++ * 0x9E3779B97F4A7C15u);
    for (std::size_t i = tail; i < pattern.size(); ++i) {
      bits = bits * 6364136223846793005u + 1442695040888963407u;
      pattern[i] = kLetters[(bits >> 33) % (sizeof kLetters - 1)];
    }
    int fd;
    do {
      fd = open(pattern.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode);
    } while (fd < 0 && errno == EINTR);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;  // errno is EEXIST
}

// The file that a chain of symbolic links ends at, which need not exist yet:
// like the shell's `>`, a dangling link's target is created. A link's
// relative contents are relative to the link's own directory; the path is
// not normalized, so ".." after a linked directory means what the kernel
// makes of it.
std::optional<Problem> FollowLinks(const std::string& path, std::string& target) {
  std::filesystem::path current(path);
  for (int followed = 0; followed <= kMaxLinksFollowed; ++followed) {
    struct stat st;
    if (lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      // A path that cannot be examined fails when it is opened, with the
      // reason of that failure.
      target = current.string();
      return std::nullopt;
    }
    // st_size is 0 for some links (in /proc); one byte more shows truncation.
    std::string contents(std::max<std::size_t>(static_cast<std::size_t>(st.st_size), PATH_MAX) + 1,
                         '\0');
    const ssize_t length = readlink(current.c_str(), contents.data(), contents.size());
    if (length < 0) return ErrnoProblem(path, "cannot read symbolic link: ");
    if (static_cast<std::size_t>(length) == contents.size()) {
      errno = ENAMETOOLONG;
      return ErrnoProblem(path, "cannot read symbolic link: ");
    }
    contents.resize(static_cast<std::size_t>(length));
    const std::filesystem::path next(contents);
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  errno = ELOOP;
  return ErrnoProblem(path, "cannot create output file: ");
}

}  // namespace

std::optional<Problem> AtomicFile::Locate() {
  located_ = true;
  struct stat st;
  // The kernel follows the links itself here, also those in /proc whose
  // contents are no path ("pipe:[1234]" for /dev/stdout). A directory is
  // "written in place" too: opening it for writing fails with EISDIR before
  // any work is done.
  if (stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    in_place_ = true;
    target_ = path_;
    return std::nullopt;
  }
  return FollowLinks(path_, target_);
}

std::optional<Problem> AtomicFile::Open() {
  if (!located_) {
    if (auto problem = Locate()) return problem;
  }
  if (in_place_) {
    // No O_CREAT: the target exists. No O_TRUNC: a device or a FIFO has
    // nothing to truncate.
    do {
      fd_ = open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) return ErrnoProblem(path_, "cannot open output file: ");
    return std::nullopt;
  }
  std::filesystem::path target(target_);
  std::filesystem::path dir = target.parent_path();
  // The temporary file must be in the target's directory: rename() is atomic
  // only within one file system.
  std::string name = "." + target.filename().string() + ".vocabcount-XXXXXX";
  temp_path_ = (dir.empty() ? std::filesystem::path(name) : dir / name).string();
  // A new target gets the usual 0666 & ~umask from open(2) itself. An
  // existing one keeps its mode: the temporary file starts private (it may
  // replace a private file) and takes that mode once made.
  struct stat existing;
  const bool exists = stat(target_.c_str(), &existing) == 0;
  fd_ = CreateUnique(temp_path_, exists ? 0600 : 0666);
  if (fd_ < 0) {
    temp_path_.clear();
    return ErrnoProblem(path_, "cannot create output file: ");
  }
  if (exists && fchmod(fd_, existing.st_mode & 07777) != 0) {
    Problem problem = ErrnoProblem(path_, "cannot set output file mode: ");
    Abandon();
    return problem;
  }
  return std::nullopt;
}

std::optional<Problem> AtomicFile::Commit() {
  if (fd_ < 0) return Problem{.path = path_, .what = "output file is not open"};
  if (in_place_) {
    // Devices and FIFOs have nothing to flush (fsync fails with EINVAL).
    const int closed = close(fd_);
    fd_ = -1;
    if (closed != 0) return ErrnoProblem(path_, "cannot write output file: ");
    return std::nullopt;
  }
  std::optional<Problem> problem;
  if (fsync(fd_) != 0) {
    problem = ErrnoProblem(path_, "cannot write output file: ");
  } else if (close(fd_) != 0) {
    fd_ = -1;
    problem = ErrnoProblem(path_, "cannot write output file: ");
  } else {
    fd_ = -1;
    if (rename(temp_path_.c_str(), target_.c_str()) != 0) {
      problem = ErrnoProblem(path_, "cannot replace output file: ");
    } else {
      temp_path_.clear();
    }
  }
  if (problem) Abandon();
  return problem;
}

void AtomicFile::Abandon() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
  temp_path_.clear();
}

}  // namespace vocabcount
