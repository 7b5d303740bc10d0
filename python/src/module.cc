// The _vocabcount extension: the library's runs started from Python, their
// options read by the library's own table and their reports handed back as
// plain data. vocabcount/__init__.py turns reports into exceptions and
// warnings; nothing here decides what a run means.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sys/stat.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "entry_stream.h"
#include "python_documents.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount::python {
namespace {

using OptionList = std::vector<std::pair<std::string, std::string>>;

// The options as the library reads them from text, checked for a run of
// `kind`; every problem at once, one per line, as a ValueError.
Settings ReadSettings(const OptionList& options, RunKind kind,
                      const std::vector<std::string>* paths = nullptr) {
  Settings settings;
  settings.kind = kind;
  std::vector<std::string> problems;
  const Environment environment = ProcessEnvironment();
  for (const auto& [name, value] : options) {
    if (std::string problem = SetOption(settings, name, value, environment); !problem.empty()) {
      problems.push_back(std::move(problem));
    }
  }
  // Every problem at once, as the command reports them.
  for (std::string& problem : ValidateOptions(settings.count, {.kind = kind, .paths = paths})) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty()) {
    std::string message;
    for (const std::string& problem : problems) message += (message.empty() ? "" : "\n") + problem;
    throw py::value_error(message);
  }
  return settings;
}

std::vector<std::string> PathsOf(const std::vector<py::bytes>& paths) {
  std::vector<std::string> strings;
  for (const py::bytes& path : paths) strings.push_back(path);
  return strings;
}

py::dict ProblemData(const Problem& problem) {
  py::dict data;
  data["path"] = py::bytes(problem.path);
  data["what"] = problem.what;
  data["byte_offset"] = problem.byte_offset ? py::cast(*problem.byte_offset) : py::none();
  data["line"] = problem.line ? py::cast(*problem.line) : py::none();
  data["errno"] = problem.error_number;
  data["text"] = problem.ToString();
  return data;
}

// A run's report as plain data: whether it finished, its errors and
// warnings.
py::dict ReportData(const CountReport& report) {
  py::list errors;
  for (const Problem& problem : report.errors) errors.append(ProblemData(problem));
  py::list warnings;
  for (const Warning& warning : report.warnings) warnings.append(warning.ToString());
  py::dict data;
  data["finished"] = report.finished;
  data["errors"] = errors;
  data["warnings"] = warnings;
  return data;
}

// Inputs this small are counted on the caller's thread: a thread of its own
// would cost more than the count. A compressed one may hold a thousand times
// more text, still counted in well under a second.
constexpr std::uint64_t kSmallInputBytes = 64 << 10;

// Whether `paths` are regular files of at most kSmallInputBytes in all.
bool AreSmallFiles(const std::vector<std::string>& paths) {
  std::uint64_t total = 0;
  for (const std::string& path : paths) {
    struct stat st;
    if (path == "-" || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    total += static_cast<std::uint64_t>(st.st_size);
  }
  return total <= kSmallInputBytes;
}

// A run over files, counting (`kind` kCount) or merging (kMerge): on this
// thread when they are small, on a thread of its own otherwise.
std::unique_ptr<EntryStream> StartOnFiles(const std::vector<py::bytes>& path_bytes,
                                          const OptionList& options, RunKind kind) {
  const std::vector<std::string> paths = PathsOf(path_bytes);
  auto stream = std::make_unique<EntryStream>(ReadSettings(options, kind, &paths).count);
  EntryStream::Run run = [paths, kind](const Options& options, const EntrySink& sink) {
    if (kind == RunKind::kMerge) return CountReport(MergeVocabularies(paths, options, sink));
    return Count(paths, options, sink);
  };
  if (AreSmallFiles(paths)) {
    stream->RunHere(std::move(run));
  } else {
    stream->Start(std::move(run));
  }
  return stream;
}

}  // namespace

PYBIND11_MODULE(_vocabcount, module) {
  module.doc() = "vocabcount's engine; use the vocabcount package, which wraps it.";
  module.attr("__version__") = VOCABCOUNT_VERSION;

  module.def("option_table", [] {
    py::list rows;
    for (const OptionSpec& spec : OptionTable()) {
      rows.append(
          py::make_tuple(std::string(spec.name), !spec.value_name.empty(), spec.repeatable));
    }
    return rows;
  });

  py::class_<EntryStream>(module, "EntryStream")
      .def("next_batch", &EntryStream::NextBatch)
      .def("fill", &EntryStream::FillDict)
      .def("cancel", &EntryStream::Cancel)
      .def("report", [](EntryStream& stream) { return ReportData(stream.Report()); });

  // The options' warnings (OptionWarnings), for the package to issue
  // before a run; a ValueError when the options are refused.
  module.def("option_warnings", [](const OptionList& options, const std::string& kind) {
    const RunKind run_kind = kind == "merge"   ? RunKind::kMerge
                             : kind == "texts" ? RunKind::kDocuments
                                               : RunKind::kCount;
    return OptionWarnings(ReadSettings(options, run_kind).count);
  });
  module.def("start_count", [](const std::vector<py::bytes>& paths, const OptionList& options) {
    return StartOnFiles(paths, options, RunKind::kCount);
  });
  module.def("start_merge", [](const std::vector<py::bytes>& paths, const OptionList& options) {
    return StartOnFiles(paths, options, RunKind::kMerge);
  });
  module.def("start_count_texts", [](py::iterable texts, const OptionList& options) {
    auto stream = std::make_unique<EntryStream>(ReadSettings(options, RunKind::kDocuments).count);
    PythonDocuments& documents = stream->ReadDocuments(py::iter(texts));
    EntryStream::Run run = [&documents](const Options& options, const EntrySink& sink) {
      return CountDocuments(std::ref(documents), options, sink);
    };
    // A few documents, read at once, are counted here.
    if (documents.TakeFirst()) {
      stream->RunHere(std::move(run));
    } else {
      stream->Start(std::move(run));
    }
    return stream;
  });
}

}  // namespace vocabcount::python
