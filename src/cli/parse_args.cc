// The command line: the library's options table and the command's own few
// options registered with CLI11, their values read by the library, every
// problem reported at once.
#include "cli/parse_args.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/argv_check.h"
#include "cli/help_format.h"
#include "cli/test_hooks.h"
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
// SetOption) and the command's own, group by group in the order help lists
// them; returns the table's options in order.
std::vector<std::pair<const OptionSpec*, CLI::Option*>> AddOptions(CLI::App& app, CliOptions& cli,
                                                                   CommandOptions& own) {
  std::vector<std::pair<const OptionSpec*, CLI::Option*>> table;
  const auto add_table_group = [&](OptionGroup group) {
    for (const OptionSpec& spec : OptionTable()) {
      if (spec.group != group) continue;
      std::string names = "--" + std::string(spec.name);
      if (spec.short_name != 0) names = std::string("-") + spec.short_name + "," + names;
      CLI::Option* option = spec.value_name.empty() ? app.add_flag(names) : app.add_option(names);
      option->description(std::string(spec.help));
      if (!spec.value_name.empty()) {
        // One value per occurrence: a list would take the paths after it too.
        option->expected(1)->allow_extra_args(false)->option_text(std::string(spec.value_name));
        if (spec.repeatable) option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
      }
      option->group(spec.hidden ? "" : std::string(GroupHeading(group)));
      table.emplace_back(&spec, option);
    }
  };
  const std::string input(GroupHeading(OptionGroup::kInput));
  const std::string output(GroupHeading(OptionGroup::kOutput));

  app.add_option("--files-from", cli.files_from,
                 "Read more paths from FILE, one per line (- for standard input)")
      ->option_text("FILE")
      ->group(input);
  own.null = app.add_flag("-0,--null", cli.files_from_nul,
                          "The paths in FILE end with a NUL byte, not a line feed (with "
                          "--files-from)")
                 ->group(input);
  add_table_group(OptionGroup::kInput);
  add_table_group(OptionGroup::kTokens);

  own.output = app.add_option("-o,--output", cli.output,
                              "Write to FILE (- for standard output); a file is replaced only "
                              "by a complete result")
                   ->option_text("FILE")
                   ->group(output);
  add_table_group(OptionGroup::kOutput);
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
      ->option_text("[=json]")
      ->group(output);
  own.progress =
      app.add_flag("--progress")
          ->description("Show a progress line on stderr (default: when stderr is a terminal)")
          ->group(output);
  own.no_progress =
      app.add_flag("--no-progress")->description("Never show the progress line")->group(output);

  add_table_group(OptionGroup::kScale);
  return table;
}

// ", a whole number of at least 1": what the library says `name` takes, for
// "--top needs a value: N, ...".
std::string ValueAllowed(const std::string& name) {
  const std::string allowed = AllowedValues(name);
  return allowed.empty() ? "" : ", " + allowed;
}

// The shapes of every option registered with `app`, for ArgvProblems.
std::vector<OptionShape> Shapes(const CLI::App& app) {
  std::vector<OptionShape> shapes;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_lnames().empty()) continue;  // the PATH positional
    OptionShape shape;
    shape.long_name = option->get_lnames().front();
    if (!option->get_snames().empty()) shape.short_name = option->get_snames().front().front();
    shape.takes_value = option->get_expected_max() > 0;  // a flag expects none
    shape.repeatable = option->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    // --stats is the one flag whose "=json" picks a form.
    shape.optional_value = shape.long_name == "stats";
    shape.value_name = option->get_option_text();
    shapes.push_back(std::move(shape));
  }
  return shapes;
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
  CLI::App app(std::string(kHelpDescription), "vocabcount");
  app.formatter(std::make_shared<HelpFormatter>());
  app.footer(HelpFooter());
  // Before the other options, so that their group comes first.
  app.set_help_flag("-h,--help", "Show this help and exit")->group(std::string(kGeneralGroup));
  app.set_version_flag("-V,--version", std::string("vocabcount ") + VOCABCOUNT_VERSION,
                       "Show the version and exit")
      ->group(std::string(kGeneralGroup));
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
  // The parser's own messages are in its terms; the check words them in ours.
  if (std::vector<std::string> problems = ArgvProblems(Shapes(app), argc, argv, ValueAllowed);
      !problems.empty()) {
    return refuse(problems);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    parsed.stdout_text = app.help();
    return parsed;
  } catch (const CLI::CallForVersion& version) {
    parsed.stdout_text = std::string(version.what()) + "\n";
    return parsed;
  } catch (const CLI::ParseError& error) {
    // What ArgvProblems does not foresee, in the parser's words.
    return refuse({std::string("the command line cannot be read: ") + error.what()});
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
  // "-" is standard output, as it is standard input among the paths.
  if (cli.output == "-") cli.output.reset();
  if (own.progress->count() > 0) cli.progress = ProgressMode::kOn;
  if (own.no_progress->count() > 0) cli.progress = ProgressMode::kOff;
  parsed.warnings = OptionWarnings(cli.settings.count);
  parsed.options = std::move(cli);
  return parsed;
}

}  // namespace vocabcount::cli
