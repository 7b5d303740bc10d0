// Counting past the memory budget: spilled runs give the bytes an in-memory
// count gives, for every selection, thread count and unit size; the temporary
// file leaves nothing behind; a budget is divided as promised.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <random>

#include "base/memory_limit.h"
#include "count/memory_plan.h"
#include "spill/segment.h"
#include "spill/spill_file.h"
#include "support/test_support.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount::testing {
namespace {

using internal::kBlockBytes;
using internal::SpillFile;

// The corpus with some tokens too long to live in a table's keys.
std::string SpillCorpus() {
  std::string text;
  for (const std::string& path : CorpusTexts()) text += ReadFile(path);
  std::mt19937 random(3);
  for (int i = 0; i < 2000; ++i) {
    text += " long-" + std::string(17 + random() % 40, static_cast<char>('a' + random() % 26)) +
            std::to_string(random() % 300);
  }
  return text;
}

std::string Tsv(const CountReport& report) { return FormatVocabulary(report.vocabulary, {}); }

TEST_CASE("Spilled counts equal in-memory counts for every selection", "[spill]") {
  const std::string text = SpillCorpus();
  for (const SortOrder order : {SortOrder::kCount, SortOrder::kToken}) {
    for (const std::uint64_t top : {0, 1, 5000}) {
      for (const std::uint64_t min_count : {1, 3}) {
        Options options;
        options.sort = order;
        options.top = top;
        options.min_count = min_count;
        options.memory_bytes = std::uint64_t{1} << 34;
        const CountReport in_memory = CountText(text, options);
        REQUIRE(in_memory.ok());
        REQUIRE(in_memory.stats.spilled_runs == 0);
        for (const std::uint64_t budget : {4096, 65536}) {
          for (const int threads : {1, 2, 5}) {
            options.memory_bytes = budget;
            options.threads = threads;
            options.chunk_bytes = threads == 5 ? 333 : 1 << 16;
            INFO("order " << static_cast<int>(order) << ", top " << top << ", min " << min_count
                          << ", budget " << budget << ", " << threads << " threads");
            const CountReport spilled = CountText(text, options);
            REQUIRE(spilled.ok());
            CHECK(spilled.stats.spilled_runs > 0);
            CHECK(spilled.stats.spilled_bytes > 0);
            CHECK(spilled.stats.tokens == in_memory.stats.tokens);
            CHECK(spilled.stats.distinct_tokens == in_memory.stats.distinct_tokens);
            CHECK(Tsv(spilled) == Tsv(in_memory));
          }
        }
      }
    }
  }
}

TEST_CASE("Tiny budgets split partitions and merge in several passes", "[spill]") {
  const std::string text = SpillCorpus();
  Options options;
  const std::string expected = Tsv(CountText(text, options));
  options.memory_bytes = 1;
  const CountReport report = CountText(text, options);
  REQUIRE(report.ok());
  CHECK(report.stats.partitions > 256);  // split again by further hash bits
  CHECK(report.stats.merge_passes > 1);
  CHECK(Tsv(report) == expected);
}

TEST_CASE("A sink takes the entries in order, and can stop them", "[spill]") {
  const std::string text = SpillCorpus();
  for (const std::uint64_t budget : {std::uint64_t{1} << 34, std::uint64_t{4096}}) {
    Options options;
    options.memory_bytes = budget;
    const Vocabulary expected = CountText(text, options).vocabulary;
    Vocabulary delivered;
    const CountReport report =
        CountText(text, options, [&](std::string_view token, std::uint64_t count) {
          delivered.push_back({std::string(token), count});
          return true;
        });
    CHECK(report.ok());
    CHECK(report.vocabulary.empty());
    CHECK(delivered == expected);
    std::size_t taken = 0;
    CountText(text, options, [&](std::string_view, std::uint64_t) { return ++taken < 10; });
    CHECK(taken == 10);
  }
}

TEST_CASE("A merge of unsorted vocabularies spills and sums to the same bytes", "[spill]") {
  TempDir dir;
  const std::string text = SpillCorpus();
  // Three parts in count order (so they are summed, not streamed).
  std::vector<std::string> paths;
  for (int part = 0; part < 3; ++part) {
    const std::string piece = text.substr(part * text.size() / 3, text.size() / 3);
    paths.push_back(dir.File("part" + std::to_string(part) + ".tsv"));
    WriteFile(paths.back(), Tsv(CountText(piece, {})));
  }
  for (const SortOrder order : {SortOrder::kCount, SortOrder::kToken}) {
    for (const std::uint64_t top : {0, 7}) {
      Options options;
      options.sort = order;
      options.top = top;
      const MergeReport in_memory = MergeVocabularies(paths, options);
      REQUIRE(in_memory.ok());
      CHECK(in_memory.stats.spilled_runs == 0);
      for (const std::uint64_t budget : {1, 8192}) {
        options.memory_bytes = budget;
        INFO("order " << static_cast<int>(order) << ", top " << top << ", budget " << budget);
        const MergeReport spilled = MergeVocabularies(paths, options);
        REQUIRE(spilled.ok());
        CHECK(spilled.stats.spilled_runs > 0);
        CHECK(spilled.vocabulary == in_memory.vocabulary);
        CHECK(spilled.stats.distinct_tokens == in_memory.stats.distinct_tokens);
      }
    }
  }
}

TEST_CASE("A token twice in one input is found when its lines were spilled apart", "[spill]") {
  TempDir dir;
  std::string first, second;
  for (int i = 0; i < 3000; ++i) first += "f" + std::to_string(i) + "\t2\n";
  // In count order, so summed; "twice" on the first and the last line.
  second = "twice\t9\n";
  for (int i = 0; i < 3000; ++i) second += "s" + std::to_string(i) + "\t2\n";
  second += "twice\t1\n";
  WriteFile(dir.File("first.tsv"), first);
  WriteFile(dir.File("second.tsv"), second);
  Options options;
  options.memory_bytes = 1;  // a spill every new token
  const MergeReport report =
      MergeVocabularies({dir.File("first.tsv"), dir.File("second.tsv")}, options);
  CHECK_FALSE(report.ok());
  CHECK(report.vocabulary.empty());
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].path == dir.File("second.tsv"));
  // The same token in two inputs is a sum, not a conflict.
  const MergeReport fine =
      MergeVocabularies({dir.File("first.tsv"), dir.File("first.tsv")}, options);
  REQUIRE(fine.ok());
  CHECK(fine.vocabulary.size() == 3000);
  CHECK(fine.vocabulary.front().count == 4);
}

TEST_CASE("Tokens larger than a spill block are spilled whole", "[spill]") {
  std::string text;
  for (std::size_t size : {kBlockBytes - 3, kBlockBytes, kBlockBytes + 5, 3 * kBlockBytes}) {
    const std::string token(size, 'z');
    text += token + " " + token + " small ";
  }
  Options options;
  options.max_token_bytes = 4 * kBlockBytes;
  const std::string expected = Tsv(CountText(text, options));
  options.memory_bytes = 1;
  CHECK(Tsv(CountText(text, options)) == expected);
}

TEST_CASE("The spill file has no name and mode 0600", "[spill]") {
  TempDir dir;
  SpillFile file(dir.path());
  const std::uint64_t first = file.Append("hello", "testing");
  const std::uint64_t second = file.Append(" world", "testing");
  CHECK(first == 0);
  CHECK(second == 5);
  char read[11];
  file.Read(0, read, sizeof read, "testing");
  CHECK(std::string(read, sizeof read) == "hello world");
  CHECK(std::filesystem::is_empty(dir.path()));  // nothing to remove, ever
  // Its mode, through the descriptor the process holds.
  bool found = false;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    const std::string target = std::filesystem::read_symlink(entry.path(), error).string();
    if (error || !target.starts_with(dir.path() + "/")) continue;
    struct stat info;
    REQUIRE(stat(entry.path().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    found = true;
  }
  CHECK(found);
}

TEST_CASE("A spill directory that does not exist is an error naming it", "[spill]") {
  Options options;
  options.memory_bytes = 1;
  options.temp_dir = "/nonexistent/spill-here";
  const CountReport report = CountText("a b c a b a", options);
  CHECK_FALSE(report.finished);
  CHECK(report.vocabulary.empty());
  REQUIRE(report.errors.size() == 1);
  // Found when the run starts, not when it first spills.
  CHECK(report.errors[0].ToString() ==
        "--temp-dir /nonexistent/spill-here: No such file or directory");
}

TEST_CASE("A budget is divided so that the parts fit in it", "[spill]") {
  for (const std::uint64_t budget :
       {internal::kSmallestBudget, std::uint64_t{1} << 30, std::uint64_t{12} << 30}) {
    for (const int threads : {1, 2, 8, 64, 1024}) {
      const internal::MemoryPlan plan = internal::PlanMemory(budget, threads, 1 << 20);
      INFO(budget << " bytes, " << threads << " threads");
      CHECK(plan.threads >= 1);
      CHECK(plan.threads <= threads);
      CHECK(plan.threads * plan.worker_bytes <= budget / 2);
      CHECK(plan.folded_bytes + plan.threads * plan.worker_bytes < budget);
      CHECK(plan.folded_bytes >= budget / 4);
      CHECK(plan.finish_bytes <= budget);
    }
  }
  // Two workers get both threads from 256 MiB up.
  CHECK(internal::PlanMemory(internal::kSmallestBudget, 2, 1 << 20).threads == 2);
}

TEST_CASE("Units larger than the budget's reserves leave every share small, not wrapped",
          "[spill]") {
  // max_token_bytes at its limit stretches units to 256 MiB: eight units in
  // flight are more than the smallest budgets.
  Options largest;
  largest.max_token_bytes = Options::kMaxTokenBytesLimit;
  REQUIRE(largest.stretch_bytes() == std::size_t{256} << 20);
  for (const std::uint64_t budget : {internal::kSmallestBudget, std::uint64_t{1} << 30}) {
    for (const std::size_t unit_bytes :
         {largest.stretch_bytes(), std::numeric_limits<std::size_t>::max()}) {
      for (const int threads : {1, 2, 8}) {
        const internal::MemoryPlan plan = internal::PlanMemory(budget, threads, unit_bytes);
        INFO(budget << " bytes, units of " << unit_bytes << ", " << threads << " threads");
        CHECK(plan.threads == 1);
        CHECK(plan.worker_bytes >= std::size_t{1} << 20);
        CHECK(plan.worker_bytes <= budget / 2);
        CHECK(plan.folded_bytes <= budget / 2);
        CHECK(plan.finish_bytes <= budget);
      }
    }
  }
}

// A cgroup hierarchy laid out in a directory, as /sys/fs/cgroup shows it.
void WriteLimit(const TempDir& root, const std::string& path, const std::string& file,
                const std::string& value) {
  std::filesystem::create_directories(root.path() + path);
  std::ofstream(root.path() + path + "/" + file) << value << "\n";
}

TEST_CASE("The cgroup limit is the tightest on the process's path", "[spill]") {
  TempDir v2;
  WriteLimit(v2, "/slurm/job1", "memory.max", "8589934592");
  WriteLimit(v2, "/slurm/job1/step0", "memory.max", "max");
  WriteLimit(v2, "/slurm", "memory.max", "17179869184");
  CHECK(internal::CgroupMemoryLimit("0::/slurm/job1/step0\n", v2.path()) == 8589934592u);
  CHECK(internal::CgroupMemoryLimit("0::/slurm\n", v2.path()) == 17179869184u);
  CHECK(internal::CgroupMemoryLimit("0::/elsewhere\n", v2.path()) == std::nullopt);

  TempDir v1;
  WriteLimit(v1, "/memory/docker/abc", "memory.limit_in_bytes", "1073741824");
  WriteLimit(v1, "/memory", "memory.limit_in_bytes", "9223372036854771712");  // no limit
  const std::string proc = "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n0::/\n";
  CHECK(internal::CgroupMemoryLimit(proc, v1.path()) == 1073741824u);
  CHECK(internal::CgroupMemoryLimit("4:cpu:/x\n", v1.path()) == std::nullopt);
  CHECK(internal::UsableMemoryBytes() > 0);
}

// Every entry point checks the spill directory before reading anything: an
// unusable one is an error of the run, with its errno, naming the directory
// and where it was named.
TEST_CASE("An unusable spill directory is refused before the run starts", "[spill]") {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "one two\n");
  WriteFile(dir.File("a.tsv"), "one\t1\n");
  Options options;
  options.temp_dir = dir.File("missing");
  const auto refused = [](const CountReport& report) {
    return !report.finished && report.errors.size() == 1 ? report.errors[0] : Problem{};
  };
  const std::vector<Problem> problems = {
      refused(Count({dir.File("a.txt")}, options)), refused(CountText("one two\n", options)),
      refused(MergeVocabularies({dir.File("a.tsv")}, options)),
      refused(CountDocuments([](DocumentBatch&) { return false; }, options))};
  for (const Problem& problem : problems) {
    CHECK(problem.path.empty());  // the run's, not an input's
    CHECK(problem.error_number == ENOENT);
    CHECK(problem.ToString() ==
          "--temp-dir " + dir.File("missing") + ": No such file or directory");
  }
  options.temp_dir = dir.File("a.txt");
  const Problem not_directory = refused(Count({dir.File("a.txt")}, options));
  CHECK(not_directory.error_number == ENOTDIR);
  CHECK(not_directory.what == "--temp-dir " + dir.File("a.txt") + ": Not a directory");

  // $TMPDIR, when no directory is given.
  const char* saved = std::getenv("TMPDIR");
  const std::string previous = saved ? saved : "";
  setenv("TMPDIR", dir.File("missing").c_str(), 1);
  const std::optional<Problem> from_tmpdir = internal::SpillDirectoryProblem("");
  if (saved) {
    setenv("TMPDIR", previous.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  REQUIRE(from_tmpdir);
  CHECK(from_tmpdir->what == "TMPDIR=" + dir.File("missing") +
                                 ": No such file or directory (the directory for counts past "
                                 "the memory budget; set TMPDIR or give --temp-dir)");
  // A usable directory: nothing is left in it.
  CHECK_FALSE(internal::SpillDirectoryProblem(dir.path()));
  options.temp_dir = dir.path();
  CHECK(Count({dir.File("a.txt")}, options).ok());
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 2);
}

}  // namespace
}  // namespace vocabcount::testing
