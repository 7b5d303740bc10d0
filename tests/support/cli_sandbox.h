// What the CLI tests share: a fresh temporary directory per test, a shell
// script runner that captures stdout, stderr and the exit status, and small
// file helpers.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vocabcount::cli_testing {

namespace fs = std::filesystem;

constexpr const char* kBinary = VOCABCOUNT_BINARY;
constexpr const char* kCorpusDir = VOCABCOUNT_CORPUS_DIR;
constexpr const char* kTryHelp = "Try 'vocabcount --help' for more information.\n";

// The text of the brief's first example and its vocabulary, reused wherever a
// test needs some valid input and does not care which.
constexpr const char* kCatText = "the cat and the hat, the end.";
constexpr const char* kCatVocabulary = "the\t3\nand\t1\ncat\t1\nend\t1\nhat\t1\n";

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.is_open());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  INFO("writing " << path);
  REQUIRE(out.good());
}

inline std::string ShellQuote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

inline bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

inline bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

inline mode_t ModeOf(const fs::path& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) FAIL("stat " << path << ": " << std::strerror(errno));
  return st.st_mode & 07777;
}

struct RunResult {
  std::string out;  // stdout bytes
  std::string err;  // stderr text
  int status = -1;  // exit status of the script, or 128 + signal number
};

// Shown by INFO() when a check fails, so that a wrong stdout comes with the
// stderr and status that explain it.
inline std::ostream& operator<<(std::ostream& os, const RunResult& result) {
  constexpr std::size_t kShown = 2000;
  os << "exit status " << result.status << "\n--- stderr ---\n"
     << result.err << "--- stdout (" << result.out.size() << " bytes) ---\n"
     << result.out.substr(0, kShown) << (result.out.size() > kShown ? "[...]\n" : "");
  return os;
}

// A fresh directory per test, removed afterwards. Scripts run in dir(); the
// captured streams and the script itself live in a sibling directory, so they
// never show up in a directory walk or listing of dir().
class Sandbox {
 public:
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "vocabcount-cli-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) FAIL("mkdtemp: " << std::strerror(errno));
    root_ = pattern;
    fs::create_directory(root_ / "work");
    fs::create_directory(root_ / "capture");
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  ~Sandbox() {
    // Tests make unreadable directories; give them back to the owner first so
    // that the removal also works for a user without root's privileges.
    std::error_code error;
    for (fs::recursive_directory_iterator it(root_, error), end; !error && it != end;
         it.increment(error)) {
      if (it->symlink_status(error).type() == fs::file_type::directory) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
      }
    }
    fs::remove_all(root_, error);
  }

  const fs::path& root() const { return root_; }
  fs::path dir() const { return root_ / "work"; }

  // Writes a file under dir(), creating its parent directories.
  void Write(const std::string& relative, std::string_view bytes) const {
    const fs::path path = dir() / relative;
    fs::create_directories(path.parent_path());
    WriteFile(path, bytes);
  }
  std::string Read(const std::string& relative) const { return ReadFile(dir() / relative); }

  // Runs `script` with `shell` in dir(), stdin from /dev/null unless the
  // script redirects it. In the script, $VC is the binary under test, the
  // function `vocabcount` runs it, and $CORPUS is the corpus directory.
  RunResult Run(const std::string& script, const std::string& shell = "/bin/sh") const {
    const fs::path capture = root_ / "capture";
    WriteFile(capture / "script",
              "VC=" + ShellQuote(kBinary) + "\nCORPUS=" + ShellQuote(kCorpusDir) +
                  "\nexport VC\nvocabcount() { \"$VC\" \"$@\"; }\ncd " +
                  ShellQuote(dir().string()) + " || exit 125\n" + script + "\n");
    const std::string command = shell + " " + ShellQuote((capture / "script").string()) + " >" +
                                ShellQuote((capture / "stdout").string()) + " 2>" +
                                ShellQuote((capture / "stderr").string()) + " </dev/null";
    const int wait_status = std::system(command.c_str());
    if (wait_status == -1) FAIL("system(" << command << "): " << std::strerror(errno));
    RunResult result;
    result.out = ReadFile(capture / "stdout");
    result.err = ReadFile(capture / "stderr");
    if (WIFEXITED(wait_status)) {
      result.status = WEXITSTATUS(wait_status);
    } else if (WIFSIGNALED(wait_status)) {
      result.status = 128 + WTERMSIG(wait_status);
    }
    return result;
  }

  // The names in dir() (not recursive), sorted.
  std::vector<std::string> List() const {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir())) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path root_;
};

// Runs `script`, which must succeed quietly, and returns its stdout.
inline std::string Output(const Sandbox& box, const std::string& script) {
  const RunResult r = box.Run(script);
  INFO(script << "\n" << r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  return r.out;
}

}  // namespace vocabcount::cli_testing
