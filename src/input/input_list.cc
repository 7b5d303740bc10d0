// Resolving paths and walking directories.
#include "input/input_list.h"

#include <fnmatch.h>
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

// Whether `pattern` matches: a pattern without '/' matches the last name of
// `below` (the path below the directory named), one with '/' the whole of it.
bool Matches(const std::string& pattern, const fs::path& below) {
  const bool whole_path = pattern.find('/') != std::string::npos;
  const std::string subject = whole_path ? below.string() : below.filename().string();
  return fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool MatchesAny(const std::vector<std::string>& patterns, const fs::path& below) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return Matches(pattern, below); });
}

class DirectoryWalker {
 public:
  DirectoryWalker(const Options& options, ResolvedInputs& out) : options_(options), out_(out) {}

  // Appends the regular files below `dir`, sorted by path bytes.
  void Walk(const fs::path& dir, const struct stat& dir_stat) {
    std::vector<Input> found;
    entered_.clear();  // a directory named twice is counted twice, like a file
    root_ = dir;
    Visit(dir, dir_stat, found);
    std::sort(found.begin(), found.end(),
              [](const Input& a, const Input& b) { return a.path < b.path; });
    for (Input& input : found) out_.inputs.push_back(std::move(input));
  }

 private:
  void Visit(const fs::path& dir, const struct stat& dir_stat, std::vector<Input>& found) {
    if (!entered_.insert({dir_stat.st_dev, dir_stat.st_ino}).second) return;
    // Subdirectories are entered after this directory is closed: a walk
    // holding one descriptor per level would run out of them in a deep tree.
    std::vector<std::pair<fs::path, struct stat>> subdirectories;
    std::error_code error;
    for (fs::directory_iterator it(dir, error); !error && it != fs::directory_iterator();
         it.increment(error)) {
      const fs::path& path = it->path();
      struct stat st;
      if (lstat(path.c_str(), &st) != 0) {
        Report(path, errno);
        continue;
      }
      if (S_ISLNK(st.st_mode)) {
        if (!options_.follow_symlinks) continue;
        if (stat(path.c_str(), &st) != 0) {
          Report(path, errno);
          continue;
        }
      }
      const fs::path below = path.lexically_relative(root_);
      if (MatchesAny(options_.exclude, below)) continue;
      if (S_ISDIR(st.st_mode)) {
        subdirectories.emplace_back(path, st);
      } else if (S_ISREG(st.st_mode) &&
                 (options_.include.empty() || MatchesAny(options_.include, below))) {
        found.push_back(Input{
            .kind = Input::Kind::kPath, .path = path.string(), .expected_bytes = st.st_size});
      }
    }
    if (error) Report(dir, error.value());
    for (const auto& [subdirectory, subdirectory_stat] : subdirectories) {
      Visit(subdirectory, subdirectory_stat, found);
    }
  }

  void Report(const fs::path& path, int error_number) {
    out_.errors.push_back(Problem{
        .path = path.string(), .what = std::strerror(error_number), .error_number = error_number});
  }

  const Options& options_;
  ResolvedInputs& out_;
  fs::path root_;  // the directory named, which patterns are relative to
  std::set<std::pair<dev_t, ino_t>> entered_;
};

}  // namespace

ResolvedInputs ResolveInputs(const std::vector<std::string>& paths, const Options& options) {
  ResolvedInputs resolved;
  DirectoryWalker walker(options, resolved);
  for (const std::string& path : paths) {
    if (path == "-") {
      resolved.inputs.push_back(Input{.kind = Input::Kind::kStdin, .path = path});
      continue;
    }
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      resolved.errors.push_back(
          Problem{.path = path, .what = std::strerror(errno), .error_number = errno});
    } else if (S_ISDIR(st.st_mode)) {
      walker.Walk(path, st);
    } else {
      const bool sized = S_ISREG(st.st_mode);
      resolved.inputs.push_back(
          Input{.kind = Input::Kind::kPath,
                .path = path,
                .expected_bytes =
                    sized ? std::optional<std::uint64_t>(st.st_size) : std::nullopt});
    }
  }
  return resolved;
}

}  // namespace vocabcount::internal
