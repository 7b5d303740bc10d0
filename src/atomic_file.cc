// Temporary file + rename: the target is replaced in one step or not at all.
#include "vocabcount/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace vocabcount {
namespace {

Problem ErrnoProblem(const std::string& path, const char* doing) {
  return Problem{path, std::nullopt, std::string(doing) + std::strerror(errno)};
}

// New files get the usual 0666 & ~umask; an existing target keeps its mode.
mode_t ModeFor(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

}  // namespace

std::optional<Problem> AtomicFile::Open() {
  std::filesystem::path target(path_);
  std::filesystem::path dir = target.parent_path();
  // The temporary file must be in the target's directory: rename() is atomic
  // only within one file system.
  std::string name = "." + target.filename().string() + ".vocabcount-XXXXXX";
  temp_path_ = (dir.empty() ? std::filesystem::path(name) : dir / name).string();
  fd_ = mkostemp(temp_path_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    temp_path_.clear();
    return ErrnoProblem(path_, "cannot create output file: ");
  }
  if (fchmod(fd_, ModeFor(path_)) != 0) {
    Problem problem = ErrnoProblem(path_, "cannot set output file mode: ");
    Abandon();
    return problem;
  }
  return std::nullopt;
}

std::optional<Problem> AtomicFile::Commit() {
  if (fd_ < 0) return Problem{path_, std::nullopt, "output file is not open"};
  std::optional<Problem> problem;
  if (fsync(fd_) != 0) {
    problem = ErrnoProblem(path_, "cannot write output file: ");
  } else if (close(fd_) != 0) {
    fd_ = -1;
    problem = ErrnoProblem(path_, "cannot write output file: ");
  } else {
    fd_ = -1;
    if (rename(temp_path_.c_str(), path_.c_str()) != 0) {
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
