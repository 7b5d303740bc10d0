// The command line: the library's options table and the command's own few
// options registered with CLI11, their values read by the library, every
// problem reported at once.
#include "cli/parse_args.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/test_hooks.h"
#include "cli/usage_text.h"
#include "vocabcount/version.h"

namespace vocabcount::cli {
namespace {

std::string Usage(const std::vector<std::string>& problems) {
  std::string text;
  for (const std::string& problem : problems) text += "vocabcount: " + problem + "\n";
  return text + "Try 'vocabcount --help' for more information.\n";
}

// The options only the command has: where paths come from and the output
// goes, and what it shows on stderr.
struct CommandOptions {
  CLI::Option* output;
  CLI::Option* progress;
  CLI::Option* no_progress;
  CLI::Option* null;
  std::string stats;  // "true" for --stats, "json" for --stats=json
};

// Registers every option of the library's table (each value kept as text for
// SetOption) and the command's own; returns the table's options in order.
std::vector<std::pair<const OptionSpec*, CLI::Option*>> AddOptions(CLI::App& app, CliOptions& cli,
                                                                   CommandOptions& own) {
  std::vector<std::pair<const OptionSpec*, CLI::Option*>> table;
  for (const OptionSpec& spec : OptionTable()) {
    std::string names = "--" + std::string(spec.name);
    if (spec.short_name != 0) names = std::string("-") + spec.short_name + "," + names;
    CLI::Option* option = spec.value_name.empty() ? app.add_flag(names) : app.add_option(names);
    option->description(std::string(spec.help));
    if (!spec.value_name.empty()) {
      // One value per occurrence: a list would take the paths after it too.
      option->expected(1)->allow_extra_args(false)->option_text(std::string(spec.value_name));
      if (spec.repeatable) option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    if (spec.hidden) option->group("");
    table.emplace_back(&spec, option);
  }
  own.output = app.add_option("-o,--output", cli.output,
                              "Write to FILE atomically (replaced only by a complete result)")
                   ->option_text("FILE");
  // A flag, so that "--stats FILE" leaves FILE an input; "--stats=json" picks the format.
  app.add_flag("--stats", own.stats,
               "Print inputs, bytes, tokens, time and speed to stderr; --stats=json prints one "
               "JSON object")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value == "true" || value == "json") return "";  // a bare flag reads "true"
            return "'" + value + "' is not a format: use --stats or --stats=json";
          },
          ""))
      ->option_text("[=json]");
  own.progress =
      app.add_flag("--progress")
          ->description("Show a progress line on stderr (default: when it is a terminal)");
  own.no_progress = app.add_flag("--no-progress")->description("Never show the progress line");
  app.add_option("--files-from", cli.files_from,
                 "Read more paths from FILE (- for standard input), one per line")
      ->option_text("FILE");
  own.null = app.add_flag("-0,--null", cli.files_from_nul,
                          "--files-from paths are separated by NUL bytes");
  return table;
}

// CLI11 reads "--name=" as "--name" without its value and takes the next
// argument instead: "--output= in.txt" would overwrite in.txt.
std::string EmptyEqualsValue(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.starts_with("--") && arg.find('=') == arg.size() - 1) {
      return std::string(arg.substr(0, arg.size() - 1)) + ": the value is empty";
    }
  }
  return "";
}

// The problems of the command's own options.
void CheckCommandOptions(const CliOptions& cli, const CommandOptions& own,
                         std::vector<std::string>& problems) {
  if (own.progress->count() > 0 && own.no_progress->count() > 0) {
    problems.push_back("--progress and --no-progress cannot be combined");
  }
  if (own.output->count() > 0 && cli.output->empty()) {
    problems.push_back("--output: the file name is empty");
  }
  if (cli.files_from_nul && !cli.files_from)
    problems.push_back("--null goes only with --files-from");
}

}  // namespace

ParsedArgs ParseArgs(int argc, const char* const* argv, const Environment& environment) {
  CLI::App app("vocabcount: count token frequencies over text corpora, in parallel.", "vocabcount");
  app.footer(kUsageText);
  app.set_version_flag("-V,--version", std::string("vocabcount ") + VOCABCOUNT_VERSION);
  app.get_formatter()->column_width(28);
  CliOptions cli;
  CommandOptions own;
  app.add_option("PATH", cli.paths, "Files, directories, or - for standard input")->type_name("");
  const auto table = AddOptions(app, cli, own);

  ParsedArgs parsed;
  const auto refuse = [&](const std::vector<std::string>& problems) {
    parsed.exit_status = 2;
    parsed.stderr_text = Usage(problems);
    return parsed;
  };
  if (std::string problem = EmptyEqualsValue(argc, argv); !problem.empty())
    return refuse({problem});
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    parsed.stdout_text = app.help();
    return parsed;
  } catch (const CLI::CallForVersion& version) {
    parsed.stdout_text = std::string(version.what()) + "\n";
    return parsed;
  } catch (const CLI::ParseError& error) {
    std::string message = error.what();
    // CLI11 leaves the name of a hidden option out of its messages, and
    // --chunk-size is the only hidden one.
    if (message.starts_with(": ")) message = "--chunk-size" + message;
    return refuse({message});
  }

  std::vector<std::string> problems;
  for (const auto& [spec, option] : table) {
    const std::vector<std::string> values =
        spec->value_name.empty() ? std::vector<std::string>(option->count() > 0, "true")
                                 : option->results();
    for (const std::string& value : values) {
      std::string problem = SetOption(cli.settings, spec->name, value, environment);
      if (!problem.empty()) problems.push_back(std::move(problem));
    }
  }
  CheckCommandOptions(cli, own, problems);
  const bool memory_given = app.count("--memory") > 0;
  if (auto problem = ApplyTestHooks(environment, memory_given, cli.settings.count);
      !problem.empty()) {
    problems.push_back(std::move(problem));
  }
  if (cli.paths.empty() && !cli.files_from) cli.paths = {"-"};
  for (std::string& problem : ValidateOptions(
           cli.settings.count,
           {.kind = cli.settings.kind, .paths = &cli.paths, .write = &cli.settings.write})) {
    problems.push_back(std::move(problem));
  }
  if (!problems.empty()) return refuse(problems);
  if (!own.stats.empty()) cli.stats = own.stats == "json" ? StatsFormat::kJson : StatsFormat::kText;
  if (own.progress->count() > 0) cli.progress = ProgressMode::kOn;
  if (own.no_progress->count() > 0) cli.progress = ProgressMode::kOff;
  parsed.warnings = OptionWarnings(cli.settings.count);
  parsed.options = std::move(cli);
  return parsed;
}

}  // namespace vocabcount::cli
