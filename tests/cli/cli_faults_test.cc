// The vocabcount command under faults on the output side and under signals:
// devices, FIFOs and symbolic links as -o targets, a full disk, a read-only
// directory, SIGINT/SIGTERM/SIGHUP in the middle of a run, a reader that
// goes away, and running out of memory.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

// Sanitizer runtimes reserve terabytes of address space, so a binary built
// with one cannot start under `ulimit -v`. The test binary is compiled with
// the same flags as the command (add_compile_options in CMakeLists.txt), so
// its own predefined macros tell; scripts/sanitize.sh also sets
// VOCABCOUNT_SANITIZER, which SanitizedBinary() honours as well.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

bool SanitizedBinary() {
  const char* sanitizer = std::getenv("VOCABCOUNT_SANITIZER");
  return kSanitized || (sanitizer != nullptr && *sanitizer != '\0');
}

bool IsRoot() { return geteuid() == 0; }

// Polls `condition` until it holds or `seconds` have passed.
template <typename Condition>
bool WaitFor(Condition condition, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// The names in `dir` that look like -o's temporary files.
std::vector<std::string> TemporaryFiles(const fs::path& dir) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (Contains(name, ".vocabcount-")) names.push_back(name);
  }
  return names;
}

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "wait status " + std::to_string(status);
}

// The program's full path, looked up in PATH before fork(): execvp is not
// safe to call between fork and exec in every C library.
std::string FindProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return name;
}

// A process started without a shell: its pid is the program's, and its
// signals have their default actions (a non-interactive shell starts
// background commands with SIGINT ignored), except those the test ignores
// on purpose, as nohup does.
class Process {
 public:
  struct Launch {
    std::vector<std::string> argv;  // argv[0] is looked up in PATH
    int stdin_fd = -1;              // -1: /dev/null
    int stdout_fd = -1;             // -1: the file out_path()
    std::vector<int> ignored_signals;
  };

  Process(const Sandbox& box, const std::string& name, Launch launch)
      : out_path_(box.root() / "capture" / (name + ".out")),
        err_path_(box.root() / "capture" / (name + ".err")) {
    // Everything the child needs is made before fork().
    std::vector<std::string> argv = launch.argv;
    argv[0] = FindProgram(argv[0]);
    program_ = argv[0];
    std::vector<char*> args;
    for (std::string& arg : argv) args.push_back(arg.data());
    args.push_back(nullptr);
    const std::string dir = box.dir().string();
    const std::string out = out_path_.string();
    const std::string err = err_path_.string();
    pid_ = fork();
    if (pid_ < 0) FAIL("fork: " << std::strerror(errno));
    if (pid_ == 0) {
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
        ::signal(signal_number, SIG_DFL);
      }
      for (const int signal_number : launch.ignored_signals) ::signal(signal_number, SIG_IGN);
      const int in = launch.stdin_fd >= 0 ? launch.stdin_fd : open("/dev/null", O_RDONLY);
      const int stdout_fd = launch.stdout_fd >= 0
                                ? launch.stdout_fd
                                : open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int stderr_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || stdout_fd < 0 || stderr_fd < 0 || dup2(in, 0) < 0 || dup2(stdout_fd, 1) < 0 ||
          dup2(stderr_fd, 2) < 0 || chdir(dir.c_str()) != 0) {
        _exit(126);
      }
      execv(args[0], args.data());
      _exit(127);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // A process the test did not see end is killed, so that none outlives it.
  ~Process() {
    if (status_) return;
    kill(pid_, SIGKILL);
    int status;
    waitpid(pid_, &status, 0);
  }

  pid_t pid() const { return pid_; }
  // The wait status once the process has ended within `seconds`.
  std::optional<int> WaitExit(double seconds) {
    WaitFor(
        [&] {
          int status;
          if (waitpid(pid_, &status, WNOHANG) == pid_) status_ = status;
          return status_.has_value();
        },
        seconds);
    return status_;
  }
  std::string Out() const { return ReadFile(out_path_); }
  std::string Err() const { return ReadFile(err_path_); }

  // Whether the program (not the test's forked copy, which still has the
  // test framework's handlers until exec) has a handler for `signal_number`
  // (Linux: /proc/PID/exe, and the SigCgt mask in /proc/PID/status), i.e. got
  // far enough to install it.
  bool Catches(int signal_number) const {
    const std::string proc = "/proc/" + std::to_string(pid_);
    std::error_code error;
    if (fs::read_symlink(proc + "/exe", error) != fs::canonical(program_, error)) return false;
    std::ifstream status(proc + "/status");
    for (std::string line; std::getline(status, line);) {
      if (!StartsWith(line, "SigCgt:")) continue;
      const std::uint64_t mask = std::stoull(line.substr(7), nullptr, 16);
      return (mask >> (signal_number - 1) & 1) != 0;
    }
    return false;
  }

 private:
  fs::path out_path_;
  fs::path err_path_;
  std::string program_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// `yes TEXT | vocabcount ARGS... -`: an input that never ends, in memory
// that does not grow (the same few tokens again and again).
struct EndlessRun {
  EndlessRun(const Sandbox& box, std::vector<std::string> args,
             std::vector<int> ignored_signals = {})
      : writer(box, "yes", {{"yes", "the cat sat on the mat"}, -1, WriteEnd(), {}}),
        counter(box, "vocabcount", Counter(std::move(args), std::move(ignored_signals))) {
    close(pipe_[0]);
    close(pipe_[1]);
  }

  int pipe_[2] = {-1, -1};
  Process writer;
  Process counter;

 private:
  int WriteEnd() {
    if (pipe2(pipe_, O_CLOEXEC) != 0) FAIL("pipe2: " << std::strerror(errno));
    return pipe_[1];
  }
  Process::Launch Counter(std::vector<std::string> args, std::vector<int> ignored_signals) {
    args.insert(args.begin(), kBinary);
    args.push_back("-");
    return Process::Launch{std::move(args), pipe_[0], -1, std::move(ignored_signals)};
  }
};

bool IsCharacterDevice(const fs::path& path, unsigned major_number, unsigned minor_number) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == major_number &&
         minor(st.st_rdev) == minor_number;
}

// A device node that behaves like /dev/full (1, 7) or /dev/null (1, 3). As
// root it is a private node in the sandbox: if a bug replaced it, only the
// sandbox would lose it. Others cannot make nodes, but cannot replace the
// system's either (/dev is not theirs to write).
fs::path DeviceNode(const Sandbox& box, const std::string& name, unsigned minor_number) {
  if (!IsRoot()) return fs::path("/dev") / name;
  const fs::path node = box.dir() / name;
  if (mknod(node.c_str(), S_IFCHR | 0666, makedev(1, minor_number)) != 0) {
    FAIL("mknod " << node << ": " << std::strerror(errno));
  }
  return node;
}

// A tmpfs of its own for one test (root only), unmounted at the end. Declare
// it after the Sandbox, so that it goes first.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& dir, const std::string& options) : dir_(dir) {
    fs::create_directories(dir_);
    mounted_ = IsRoot() && mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    if (!mounted_) error_ = IsRoot() ? std::strerror(errno) : "not root";
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;
  ~TmpfsMount() {
    // Detached even if a process still uses it: the sandbox goes next.
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
  }

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  bool MakeReadOnly() {
    return mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  fs::path dir_;
  bool mounted_ = false;
  std::string error_;
};

// `count` distinct tokens ("w0 w1 ..."), 16 to a line.
std::string DistinctTokens(int count) {
  std::string text;
  text.reserve(static_cast<std::size_t>(count) * 9);
  for (int i = 0; i < count; ++i) {
    text += 'w';
    text += std::to_string(i);
    text += i % 16 == 15 ? '\n' : ' ';
  }
  return text;
}

// ---------------------------------------------------------------------------
// Targets that are not regular files

TEST_CASE("faults: -o onto a null device writes into it and keeps the device node",
          "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const fs::path null_device = DeviceNode(box, "null", 3);
  const RunResult r = box.Run("vocabcount -o " + ShellQuote(null_device.string()) + " cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "");
  CHECK(IsCharacterDevice(null_device, 1, 3));
  CHECK(TemporaryFiles(null_device.parent_path()).empty());
}

TEST_CASE("faults: -o onto a full device fails naming it, and keeps the device node",
          "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const fs::path full_device = DeviceNode(box, "full", 7);
  const std::string name = full_device.string();
  const RunResult r = box.Run("vocabcount -o " + ShellQuote(name) + " cat.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: " + name + ": "));
  CHECK(Contains(r.err, "No space left on device"));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK(IsCharacterDevice(full_device, 1, 7));
  CHECK(TemporaryFiles(full_device.parent_path()).empty());
}

TEST_CASE("faults: -o onto a FIFO writes into it and leaves the FIFO", "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run(
      "mkfifo out.fifo || exit 125\n"
      "timeout 20 cat out.fifo > got.tsv &\n"
      "timeout 20 \"$VC\" -o out.fifo cat.txt\n"
      "status=$?\n"
      "wait\n"
      "exit $status");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(box.Read("got.tsv") == kCatVocabulary);
  CHECK(fs::is_fifo(fs::symlink_status(box.dir() / "out.fifo")));
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "got.tsv", "out.fifo"});
}

TEST_CASE("faults: -o through a symbolic link replaces the file it names, not the link",
          "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  box.Write("real.tsv", "old\t1\n");
  fs::create_symlink("real.tsv", box.dir() / "link.tsv");
  fs::create_directory(box.dir() / "sub");
  // Relative to the link's own directory, and dangling: the target is made.
  fs::create_symlink("../made.tsv", box.dir() / "sub" / "dangling.tsv");

  // A failed run leaves the linked file as it was.
  const RunResult failed = box.Run("vocabcount -o link.tsv cat.txt missing.txt");
  INFO(failed);
  CHECK(failed.status == 1);
  CHECK(box.Read("real.tsv") == "old\t1\n");

  const RunResult r =
      box.Run("vocabcount -o link.tsv cat.txt && vocabcount -o sub/dangling.tsv cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(fs::is_symlink(box.dir() / "link.tsv"));
  CHECK(fs::read_symlink(box.dir() / "link.tsv") == "real.tsv");
  CHECK(box.Read("real.tsv") == kCatVocabulary);
  CHECK(fs::is_symlink(box.dir() / "sub" / "dangling.tsv"));
  CHECK(box.Read("made.tsv") == kCatVocabulary);
  CHECK(box.List() ==
        std::vector<std::string>{"cat.txt", "link.tsv", "made.tsv", "real.tsv", "sub"});
  CHECK(TemporaryFiles(box.dir() / "sub").empty());
}

TEST_CASE("faults: -o through a link to /proc/self/fd/1 writes to standard output",
          "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  // The link's contents name no file ("pipe:[1234]"): only the kernel can
  // follow it. A private link, not /dev/stdout, in case the link is replaced.
  fs::create_symlink("/proc/self/fd/1", box.dir() / "stdout-link");
  const RunResult r = box.Run("vocabcount -o stdout-link cat.txt | cat");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == kCatVocabulary);
  CHECK(fs::is_symlink(box.dir() / "stdout-link"));
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "stdout-link"});
}

TEST_CASE("faults: -o through a symbolic link to a full device keeps link and device",
          "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const fs::path full_device = DeviceNode(box, "full", 7);
  fs::create_symlink(full_device, box.dir() / "full-link");
  const RunResult r = box.Run("vocabcount -o full-link cat.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(StartsWith(r.err, "vocabcount: full-link: "));
  CHECK(Contains(r.err, "No space left on device"));
  CHECK(fs::is_symlink(box.dir() / "full-link"));
  CHECK(IsCharacterDevice(full_device, 1, 7));
  CHECK(TemporaryFiles(box.dir()).empty());
}

// ---------------------------------------------------------------------------
// A full disk, a read-only directory

TEST_CASE("faults: -o on a full file system fails naming the file and keeps the old one",
          "[cli][faults]") {
  Sandbox box;
  TmpfsMount small(box.dir() / "small", "size=64k");
  if (!small.mounted()) {
    WARN("skipped: a 64 KiB tmpfs needs root (" << small.error() << ")");
    return;
  }
  const std::string previous = "the\t3\nand\t1\n";
  box.Write("small/vocab.tsv", previous);
  box.Write("cat.txt", kCatText);
  // About 200 KB of TSV, three times the whole file system.
  box.Write("big.txt", DistinctTokens(20000));

  // The file system takes a small vocabulary: what fails below is the space.
  const RunResult fits = box.Run("vocabcount -o small/cat.tsv cat.txt");
  INFO(fits);
  REQUIRE(fits.status == 0);
  CHECK(box.Read("small/cat.tsv") == kCatVocabulary);

  const RunResult r = box.Run("vocabcount -o small/vocab.tsv big.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: small/vocab.tsv: "));
  CHECK(Contains(r.err, "No space left on device"));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK(box.Read("small/vocab.tsv") == previous);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(box.dir() / "small")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"cat.tsv", "vocab.tsv"});
}

TEST_CASE("faults: -o into a read-only directory fails naming the file", "[cli][faults]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const std::string previous = "old\t2\n";
  // Root writes through any permission bits, so as root the directory is a
  // read-only mount; as anyone else, a directory without write permission.
  TmpfsMount mount_point(box.dir() / "ro", "size=64k");
  box.Write("ro/vocab.tsv", previous);
  std::string reason;
  if (IsRoot()) {
    if (!mount_point.mounted()) {
      WARN("skipped: no tmpfs (" << mount_point.error() << ")");
      return;
    }
    if (!mount_point.MakeReadOnly()) {
      WARN("skipped: the tmpfs cannot be made read-only (" << std::strerror(errno) << ")");
      return;
    }
    reason = "Read-only file system";
  } else {
    fs::permissions(box.dir() / "ro", static_cast<fs::perms>(0555));
    reason = "Permission denied";
  }
  const RunResult r = box.Run("vocabcount -o ro/vocab.tsv cat.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: ro/vocab.tsv: "));
  CHECK(Contains(r.err, reason));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK(box.Read("ro/vocab.tsv") == previous);
  CHECK(TemporaryFiles(box.dir() / "ro").empty());
}

// ---------------------------------------------------------------------------
// Signals

TEST_CASE("faults: SIGINT, SIGTERM and SIGHUP end a run with -o, leaving the old file",
          "[cli][faults]") {
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    for (const bool file_existed : {true, false}) {
      INFO("signal " << signal_number << (file_existed ? ", out.tsv existed" : ", no out.tsv"));
      Sandbox box;
      const std::string previous = "old\t9\nvocabulary\t1\n";
      if (file_existed) box.Write("out.tsv", previous);
      EndlessRun run(box, {"-o", "out.tsv"});
      // The temporary file exists from before the counting starts.
      REQUIRE(WaitFor([&] { return !TemporaryFiles(box.dir()).empty(); }, 20));
      REQUIRE(kill(run.counter.pid(), signal_number) == 0);
      const std::optional<int> status = run.counter.WaitExit(3);
      REQUIRE(status);
      INFO(DescribeWaitStatus(*status) << "\n--- stderr ---\n" << run.counter.Err());
      CHECK(WIFSIGNALED(*status));
      CHECK(WTERMSIG(*status) == signal_number);
      CHECK(run.counter.Err() == "");
      if (file_existed) {
        CHECK(box.Read("out.tsv") == previous);
        CHECK(box.List() == std::vector<std::string>{"out.tsv"});
      } else {
        CHECK(box.List().empty());
      }
    }
  }
}

TEST_CASE("faults: SIGINT ends a run without -o promptly", "[cli][faults]") {
  Sandbox box;
  EndlessRun run(box, {});
  REQUIRE(WaitFor([&] { return run.counter.Catches(SIGINT); }, 20));
  REQUIRE(kill(run.counter.pid(), SIGINT) == 0);
  const std::optional<int> status = run.counter.WaitExit(3);
  REQUIRE(status);
  INFO(DescribeWaitStatus(*status));
  CHECK(WIFSIGNALED(*status));
  CHECK(WTERMSIG(*status) == SIGINT);
  CHECK(run.counter.Out() == "");
  CHECK(run.counter.Err() == "");
}

TEST_CASE("faults: /dev/zero stopped by a signal ends promptly", "[cli][faults]") {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    // SIGTERM also with -o: the temporary file goes with the process.
    const bool with_output = signal_number == SIGTERM;
    INFO("signal " << signal_number << (with_output ? " with -o" : ""));
    Sandbox box;
    std::vector<std::string> argv = {kBinary, "/dev/zero"};
    if (with_output) argv.insert(argv.end(), {"-o", "out.tsv"});
    Process counter(box, "vocabcount", {argv, -1, -1, {}});
    REQUIRE(WaitFor([&] { return counter.Catches(signal_number); }, 20));
    // Reading NULs for long would only cost memory; a moment is enough.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(kill(counter.pid(), signal_number) == 0);
    const std::optional<int> status = counter.WaitExit(3);
    REQUIRE(status);
    INFO(DescribeWaitStatus(*status) << "\n--- stderr ---\n" << counter.Err());
    CHECK(WIFSIGNALED(*status));
    CHECK(WTERMSIG(*status) == signal_number);
    CHECK(box.List().empty());
  }
}

TEST_CASE("faults: a signal ignored at the start stays ignored (nohup)", "[cli][faults]") {
  Sandbox box;
  box.Write("out.tsv", "old\t1\n");
  EndlessRun run(box, {"-o", "out.tsv"}, {SIGHUP});
  REQUIRE(WaitFor([&] { return !TemporaryFiles(box.dir()).empty(); }, 20));
  REQUIRE(kill(run.counter.pid(), SIGHUP) == 0);
  CHECK_FALSE(run.counter.WaitExit(0.5));
  // Other signals still end the run cleanly.
  REQUIRE(kill(run.counter.pid(), SIGTERM) == 0);
  const std::optional<int> status = run.counter.WaitExit(3);
  REQUIRE(status);
  INFO(DescribeWaitStatus(*status));
  CHECK(WIFSIGNALED(*status));
  CHECK(WTERMSIG(*status) == SIGTERM);
  CHECK(box.Read("out.tsv") == "old\t1\n");
  CHECK(box.List() == std::vector<std::string>{"out.tsv"});
}

// ---------------------------------------------------------------------------
// A reader that goes away during a merge
//
// cli_test.cc covers `vocabcount big | head -1` and a closed standard output
// for a count; a streaming merge writes from inside the merge instead.

TEST_CASE("faults: a reader that closes the pipe during a streaming merge ends it quietly",
          "[cli][faults]") {
  Sandbox box;
  if (box.Run("command -v bash").status != 0) {
    WARN("skipped: bash (for PIPESTATUS) is not installed");
    return;
  }
  // 200000 tokens merge into about 1.9 MB of TSV, far more than a pipe holds.
  box.Write("big.txt", DistinctTokens(200000));
  const RunResult part = box.Run("vocabcount --sort token -o part.tsv big.txt");
  INFO(part);
  REQUIRE(part.status == 0);
  const RunResult whole = box.Run("vocabcount --merge --sort token part.tsv part.tsv | wc -c");
  INFO(whole);
  REQUIRE(std::stoul(whole.out) > (std::size_t{1} << 20));

  const RunResult r = box.Run(
      "vocabcount --merge --sort token part.tsv part.tsv 2>vc.err | head -1 >head.out\n"
      "echo \"${PIPESTATUS[0]} ${PIPESTATUS[1]}\"",
      "bash");
  INFO(r);
  CHECK(r.out == "0 0\n");
  CHECK(box.Read("vc.err") == "");
  CHECK(box.Read("head.out") == "w0\t2\n");
}

// ---------------------------------------------------------------------------
// Out of memory

// 150 MB of address space: the command needs about 50 MB to count a small
// text, and more than 250 MB to count 3 million distinct tokens. Writes
// many.txt and out.tsv, and checks that a small count works in that space, so
// that what fails is the counting.
const char* const kMemoryLimit = "ulimit -v 150000 || exit 125\n";
constexpr int kManyTokens = 3000000;
constexpr const char* kPreviousOutput = "old\t1\n";

// Returns false, with a warning, where the test cannot run.
bool PrepareOutOfMemory(const Sandbox& box) {
  if (SanitizedBinary()) {
    WARN("skipped: a sanitizer's runtime cannot start under ulimit -v");
    return false;
  }
  box.Write("cat.txt", kCatText);
  const RunResult small = box.Run(kMemoryLimit + std::string("vocabcount -j2 cat.txt"));
  INFO(small);
  REQUIRE(small.status == 0);
  REQUIRE(small.out == kCatVocabulary);
  box.Write("many.txt", DistinctTokens(kManyTokens));
  box.Write("out.tsv", kPreviousOutput);
  return true;
}

void CheckOutOfMemory(const Sandbox& box, const std::string& command,
                      const std::vector<std::string>& names) {
  const RunResult r = box.Run(kMemoryLimit + command);
  INFO(command << "\n" << r);
  CHECK(r.status == 1);
  CHECK(StartsWith(r.err, "vocabcount: out of memory"));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK(box.Read("out.tsv") == kPreviousOutput);
  CHECK(box.List() == names);
}

TEST_CASE("faults: running out of memory fails with status 1 and keeps the -o file",
          "[cli][faults][oom]") {
  Sandbox box;
  if (!PrepareOutOfMemory(box)) return;
  CheckOutOfMemory(box, "vocabcount -j1 -o out.tsv many.txt",
                   {"cat.txt", "many.txt", "out.tsv"});
  // Summing vocabularies in memory (they are not sorted by token) runs out
  // the same way.
  std::string vocabulary;
  for (int i = 0; i < kManyTokens; ++i) vocabulary += "w" + std::to_string(i) + "\t1\n";
  box.Write("many.tsv", vocabulary);
  CheckOutOfMemory(box, "vocabcount --merge -o out.tsv many.tsv many.tsv",
                   {"cat.txt", "many.tsv", "many.txt", "out.tsv"});
}

// A hash table that fails to grow keeps its old storage but records the
// new, larger capacity (Abseil's raw_hash_set::resize), then frees the old
// storage with the larger size: the huge-page allocator must unmap only what
// it mapped, or memory of other threads goes too and the process crashes.
TEST_CASE("faults: running out of memory on two threads fails with status 1 too",
          "[cli][faults][oom]") {
  Sandbox box;
  if (!PrepareOutOfMemory(box)) return;
  for (int run = 0; run < 3; ++run) {
    CheckOutOfMemory(box, "vocabcount -j2 -o out.tsv many.txt", {"cat.txt", "many.txt", "out.tsv"});
  }
}

}  // namespace
