// Resolving paths and walking directories.
#include "input/input_list.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
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

  // Appends the regular files below `dir`, sorted by path bytes; warns when
  // there are none (and the walk met no error, which says why already).
  void Walk(const std::string& dir, const struct stat& dir_stat) {
    std::vector<Input> found;
    entered_.clear();  // a directory named twice is counted twice, like a file
    root_ = dir;
    tally_ = {};
    const std::size_t errors_before = out_.errors.size();
    Visit(dir, dir_stat, found);
    if (found.empty() && out_.errors.size() == errors_before) WarnEmpty(dir);
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
        if (!options_.follow_symlinks) {
          ++tally_.links;
          continue;
        }
        if (stat(path.c_str(), &st) != 0) {
          Report(path, errno);
          continue;
        }
      }
      const fs::path below = path.lexically_relative(root_);
      if (MatchesAny(options_.exclude, below)) {
        ++(S_ISDIR(st.st_mode) ? tally_.excluded_directories : tally_.excluded_files);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        subdirectories.emplace_back(path, st);
      } else if (S_ISREG(st.st_mode)) {
        if (options_.include.empty() || MatchesAny(options_.include, below)) {
          found.push_back(Input{
              .kind = Input::Kind::kPath, .path = path.string(), .expected_bytes = st.st_size});
        } else {
          ++tally_.not_included;
        }
      }
    }
    if (error) Report(dir, error.value());
    for (const auto& [subdirectory, subdirectory_stat] : subdirectories) {
      Visit(subdirectory, subdirectory_stat, found);
    }
  }

  // Why the walk of `dir` found nothing to read, from what it left out.
  void WarnEmpty(const std::string& dir) {
    std::vector<std::string> reasons;
    if (tally_.excluded_files + tally_.excluded_directories > 0) {
      std::string left_out;
      if (tally_.excluded_files > 0) left_out = CountOf(tally_.excluded_files, "file", "files");
      if (tally_.excluded_directories > 0) {
        left_out += (left_out.empty() ? "" : " and ") +
                    CountOf(tally_.excluded_directories, "directory", "directories");
      }
      reasons.push_back(PatternsOf("--exclude", options_.exclude) + " left out " + left_out);
    }
    if (tally_.not_included > 0) {
      const bool others = !reasons.empty();
      const std::string which = others ? "the other" : "its";
      reasons.push_back(PatternsOf("--include", options_.include) +
                        (tally_.not_included == 1
                             ? " did not match " + which + (others ? " file" : " only file")
                             : " matched none of " + which + " " +
                                   CountOf(tally_.not_included, "file", "files")));
    }
    if (reasons.empty()) reasons.push_back("it holds no regular file");
    if (tally_.links > 0) {
      reasons.push_back(CountOf(tally_.links, "symbolic link", "symbolic links") +
                        " not followed without --follow");
    }
    std::string what = "no file to read in this directory (";
    for (std::size_t i = 0; i < reasons.size(); ++i) what += (i > 0 ? "; " : "") + reasons[i];
    out_.warnings.push_back(Warning{.kind = Warning::Kind::kNothingToRead,
                                    .path = dir,
                                    .count = tally_.not_included + tally_.excluded_files,
                                    .what = what + ")"});
  }

  // "--include '*.txt'" or "--include '*.txt', '*.md'".
  static std::string PatternsOf(const std::string& option,
                                const std::vector<std::string>& patterns) {
    std::string text = option + " ";
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      text += (i > 0 ? ", '" : "'") + patterns[i] + "'";
    }
    return text;
  }

  static std::string CountOf(std::uint64_t count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
  }

  void Report(const fs::path& path, int error_number) {
    out_.errors.push_back(Problem{
        .path = path.string(), .what = std::strerror(error_number), .error_number = error_number});
  }

  const Options& options_;
  ResolvedInputs& out_;
  fs::path root_;  // the directory named, which patterns are relative to
  // What the walk of root_ left out, to say why it found nothing.
  struct Tally {
    std::uint64_t excluded_files = 0;  // regular or not, matching --exclude
    std::uint64_t excluded_directories = 0;
    std::uint64_t not_included = 0;  // regular files matching no --include
    std::uint64_t links = 0;         // symbolic links not followed
  } tally_;
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
                .expected_bytes = sized ? std::optional<std::uint64_t>(st.st_size) : std::nullopt});
    }
  }
  return resolved;
}

}  // namespace vocabcount::internal
