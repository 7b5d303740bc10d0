// Resolving paths and walking directories.
#include "input.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

namespace vocabcount::internal {
namespace {

namespace fs = std::filesystem;

class DirectoryWalker {
 public:
  DirectoryWalker(bool follow_symlinks, ResolvedInputs& out)
      : follow_symlinks_(follow_symlinks), out_(out) {}

  // Appends the regular files below `dir`, sorted by path bytes.
  void Walk(const fs::path& dir, const struct stat& dir_stat) {
    std::vector<Input> found;
    entered_.clear();  // a directory named twice is counted twice, like a file
    Visit(dir, dir_stat, found);
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.path < b.path; });
    for (Input& input : found) out_.inputs.push_back(std::move(input));
  }

 private:
  void Visit(const fs::path& dir, const struct stat& dir_stat, std::vector<Input>& found) {
    if (!entered_.insert({dir_stat.st_dev, dir_stat.st_ino}).second) return;
    std::error_code error;
    fs::directory_iterator it(dir, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
      const fs::path& path = it->path();
      struct stat st;
      if (lstat(path.c_str(), &st) != 0) {
        Report(path, errno);
        continue;
      }
      if (S_ISLNK(st.st_mode)) {
        if (!follow_symlinks_) continue;
        if (stat(path.c_str(), &st) != 0) {
          Report(path, errno);
          continue;
        }
      }
      if (S_ISDIR(st.st_mode)) {
        Visit(path, st, found);
      } else if (S_ISREG(st.st_mode)) {
        found.push_back(Input{Input::Kind::kPath, path.string(), {}, st.st_size});
      }
    }
    if (error) Report(dir, error.value());
  }

  void Report(const fs::path& path, int error_number) {
    out_.errors.push_back(Problem{path.string(), std::nullopt, std::strerror(error_number)});
  }

  bool follow_symlinks_;
  ResolvedInputs& out_;
  std::set<std::pair<dev_t, ino_t>> entered_;
};

}  // namespace

ResolvedInputs ResolveInputs(const std::vector<std::string>& paths, bool follow_symlinks) {
  ResolvedInputs resolved;
  DirectoryWalker walker(follow_symlinks, resolved);
  for (const std::string& path : paths) {
    if (path == "-") {
      resolved.inputs.push_back(Input{Input::Kind::kStdin, path, {}, std::nullopt});
      continue;
    }
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      resolved.errors.push_back(Problem{path, std::nullopt, std::strerror(errno)});
    } else if (S_ISDIR(st.st_mode)) {
      walker.Walk(path, st);
    } else {
      const bool sized = S_ISREG(st.st_mode);
      resolved.inputs.push_back(Input{Input::Kind::kPath, path, {},
                                      sized ? std::optional<std::uint64_t>(st.st_size) : std::nullopt});
    }
  }
  return resolved;
}

}  // namespace vocabcount::internal
