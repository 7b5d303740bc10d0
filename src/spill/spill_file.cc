// Creating, writing and reading the nameless spill file.
#include "spill/spill_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace vocabcount::internal {

SpillFile::SpillFile(const std::string& dir) : dir_(dir.empty() ? DefaultTempDir() : dir) {}

SpillFile::~SpillFile() {
  if (fd_ >= 0) close(fd_);
}

void SpillFile::Fail(int error, const std::string& doing) const {
  throw std::runtime_error(dir_ + ": " + std::strerror(error) + " (while " + doing + ")");
}

void SpillFile::Create(const std::string& doing) {
  fd_ = OpenNamelessFile(dir_);
  if (fd_ < 0) Fail(errno, doing);
}

int OpenNamelessFile(const std::string& dir) {
  const int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  // Older kernels and some file systems (network ones) lack O_TMPFILE.
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return -1;
  std::string name = dir + "/vocabcount-spill-XXXXXX";
  std::vector<char> path(name.begin(), name.end());
  path.push_back('\0');
  const int named = mkostemp(path.data(), O_CLOEXEC);  // mode 0600
  if (named >= 0) unlink(path.data());
  return named;
}

namespace {

// Makes and closes a spill file in `dir`; 0, or the errno of the failure. A
// directory that passed is not tried again in this process: the two calls
// take as long as counting a short text, which a program may do thousands of
// times, and one that goes bad later still fails the spill itself, named.
int TrySpillDirectory(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string>* const usable =
      new std::set<std::string>;  // never destroyed: no order of exit to mind
  {
    const std::lock_guard lock(mutex);
    if (usable->contains(dir)) return 0;
  }
  const int fd = OpenNamelessFile(dir);
  if (fd < 0) return errno;
  close(fd);
  const std::lock_guard lock(mutex);
  usable->insert(dir);
  return 0;
}

}  // namespace

std::optional<Problem> SpillDirectoryProblem(const std::string& temp_dir) {
  const std::string dir = temp_dir.empty() ? DefaultTempDir() : temp_dir;
  const int error = TrySpillDirectory(dir);
  if (error == 0) return std::nullopt;
  std::string what;
  if (!temp_dir.empty()) {
    what = "--temp-dir " + dir + ": " + std::strerror(error);
  } else {
    const char* tmpdir = std::getenv("TMPDIR");
    const bool from_tmpdir = tmpdir != nullptr && *tmpdir != '\0';
    what = (from_tmpdir ? "TMPDIR=" : "") + dir + ": " + std::strerror(error) +
           " (the directory for counts past the memory budget; set TMPDIR or give --temp-dir)";
  }
  // A problem of the run, not of an input: no path.
  return Problem{.what = std::move(what), .error_number = error};
}

std::uint64_t SpillFile::Append(std::string_view bytes, const std::string& doing) {
  std::uint64_t offset;
  {
    std::lock_guard lock(mutex_);
    if (fd_ < 0) Create(doing);
    offset = end_;
    end_ += bytes.size();
  }
  // Each writer owns the range it reserved, so writes need no lock.
  std::uint64_t at = offset;
  while (!bytes.empty()) {
    const ssize_t written = pwrite(fd_, bytes.data(), bytes.size(), static_cast<off_t>(at));
    if (written < 0) {
      if (errno == EINTR) continue;
      Fail(errno, doing);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
    at += static_cast<std::uint64_t>(written);
  }
  return offset;
}

void SpillFile::Read(std::uint64_t offset, char* out, std::size_t size,
                     const std::string& doing) const {
  while (size > 0) {
    const ssize_t got = pread(fd_, out, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) Fail(got < 0 ? errno : EIO, doing);
    out += got;
    size -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
}

void SpillFile::Release(std::uint64_t offset, std::uint64_t size) {
  if (fd_ >= 0 && size > 0) {
    fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(offset),
              static_cast<off_t>(size));
  }
}

std::uint64_t SpillFile::bytes_written() const {
  std::lock_guard lock(mutex_);
  return end_;
}

std::string DefaultTempDir() {
  const char* tmpdir = std::getenv("TMPDIR");
  return tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
}

bool RefuseSpillDirectory(const Options& options, CountReport& report) {
  std::optional<Problem> problem = SpillDirectoryProblem(options.temp_dir);
  if (problem) report.errors.push_back(std::move(*problem));
  return problem.has_value();
}

}  // namespace vocabcount::internal
