// One description of a report's figures (name, key, value, when shown),
// rendered as text or as JSON: a new figure is one line of Figures(). Also
// the progress line.
#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/stats.h"

namespace vocabcount {
namespace {

struct Figure {
  std::string key;      // in JSON; "group.key" nests it in the object "group"
  std::string label;    // in text; empty: JSON only
  bool in_text = true;  // false: left out of the text (a zero the run did not concern)
  std::string text;     // the value as text shows it
  std::string json;     // the value as JSON shows it
};

std::string Decimal(double value, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  return buffer;
}

Figure Count(std::string key, std::string label, std::uint64_t value, bool in_text = true,
             std::string unit = "") {
  return {std::move(key), std::move(label), in_text, std::to_string(value) + unit,
          std::to_string(value)};
}

// Bytes, shown in text as whole MiB.
Figure Mebibytes(std::string key, std::string label, std::uint64_t bytes, bool in_text) {
  return {std::move(key), std::move(label), in_text, std::to_string(bytes >> 20) + " MiB",
          std::to_string(bytes)};
}

// A reason for fewer threads: its key in --stats=json, and its words.
struct LimitWords {
  std::string_view key;
  std::string_view why;
};

LimitWords WordsOf(ThreadLimit limit) {
  switch (limit) {
    case ThreadLimit::kNone:
      break;
    case ThreadLimit::kSmallInput:
      return {"small_input", "the inputs fit in one work unit"};
    case ThreadLimit::kMemoryBudget:
      return {"memory_budget", "the memory budget cannot give more workers their share"};
    case ThreadLimit::kSortedMerge:
      return {"sorted_merge", "vocabularies sorted by token are merged as streams"};
  }
  return {"none", ""};
}

// "1 (of 2 asked: ...)": fewer threads than asked is no surprise once the
// reason is given.
Figure Threads(const CountStats& s) {
  Figure figure = Count("threads", "threads", static_cast<std::uint64_t>(s.threads));
  if (s.thread_limit != ThreadLimit::kNone) {
    figure.text += " (of " + std::to_string(s.threads_asked) +
                   " asked: " + std::string(WordsOf(s.thread_limit).why) + ")";
  }
  return figure;
}

std::vector<Figure> Figures(const CountStats& s) {
  const bool ngrams = !s.ngrams_by_order.empty();  // the entries are n-grams
  const double rate = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0.0;
  const bool compressed = s.compressed_inputs > 0, budget = s.memory_budget > 0;
  const bool spilled = s.spilled_runs > 0;
  std::vector<Figure> figures = {
      Count("inputs", "inputs", s.inputs),
      Count("inputs_skipped", "", s.inputs_skipped),
      Count("bytes", "bytes", s.bytes),
      Count("tokens", ngrams ? "n-grams" : "tokens", s.tokens),
      Count("distinct_tokens", ngrams ? "distinct" : "distinct tokens", s.distinct_tokens),
      Threads(s),
      {"threads_asked", "", false, "", std::to_string(s.threads_asked)},
      {"thread_limit", "", false, "", "\"" + std::string(WordsOf(s.thread_limit).key) + "\""},
      {"seconds", "seconds", true, Decimal(s.seconds, 3), Decimal(s.seconds, 6)},
      {"mb_per_second", "MB/s", true, Decimal(rate, 1), Decimal(rate, 3)},
  };
  for (const NgramOrderCount& order : s.ngrams_by_order) {
    const std::string n = std::to_string(order.order);
    figures.push_back(Count("ngrams." + n, n + "-grams", order.ngrams));
  }
  const std::vector<Figure> more = {
      Count("ill_formed_sequences", "", s.ill_formed_sequences),
      Count("long_tokens", "long tokens", s.long_tokens, s.long_tokens > 0, " (not counted)"),
      // Of the inputs, those read decompressed, and the bytes read as stored.
      Count("compressed_inputs", "compressed", s.compressed_inputs, compressed),
      Count("stored_bytes", "stored bytes", s.stored_bytes, compressed),
      Mebibytes("memory_budget", "memory budget", s.memory_budget, budget),
      Mebibytes("peak_table_bytes", "peak tables", s.peak_table_bytes, budget),
      Count("partitions", "partitions", s.partitions, budget),
      Count("spilled_bytes", "spilled bytes", s.spilled_bytes, spilled),
      Count("spilled_runs", "spilled runs", s.spilled_runs, spilled),
      Count("merge_passes", "merge passes", s.merge_passes, spilled),
      // The word tokenizer's own dictionary engines, or ICU's BreakIterator
      // where the ICU is not the one they were written for.
      {"native_segmenters", "dictionaries", s.native_segmenters, "native engines (ICU 72)",
       s.native_segmenters ? "true" : "false"},
      Count("jsonl_lines", "JSON lines", s.jsonl_lines, s.jsonl),
      Count("jsonl_bad_lines", "bad JSON lines", s.jsonl_bad_lines, s.jsonl),
  };
  figures.insert(figures.end(), more.begin(), more.end());
  return figures;
}

std::string AsText(const std::vector<Figure>& figures) {
  std::string text;
  for (const Figure& figure : figures) {
    if (figure.label.empty() || !figure.in_text) continue;
    std::string name = figure.label + ":";
    name.resize(std::max<std::size_t>(name.size(), 17), ' ');  // values in one column
    text += name + figure.text + "\n";
  }
  return text;
}

std::string AsJson(const std::vector<Figure>& figures) {
  std::string json = "{";
  std::string open_group;  // the nested object being written, if any
  for (const Figure& figure : figures) {
    const std::size_t dot = figure.key.find('.');
    const std::string group = dot == std::string::npos ? "" : figure.key.substr(0, dot);
    if (group != open_group) {
      if (!open_group.empty()) {
        json.back() = '}';  // the group's last comma
        json += ',';
      }
      if (!group.empty()) json += "\"" + group + "\":{";
      open_group = group;
    }
    json += "\"" + figure.key.substr(dot == std::string::npos ? 0 : dot + 1) + "\":" + figure.json +
            ",";
  }
  json.back() = '}';
  if (!open_group.empty()) json += '}';
  return json + "\n";
}

// "m:ss", or "h:mm:ss" from an hour up.
std::string Duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%" PRIu64 ":%02" PRIu64 ":%02" PRIu64, total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%" PRIu64 ":%02" PRIu64, total / 60, total % 60);
  }
  return text;
}

}  // namespace

std::string FormatProgress(const Progress& progress) {
  const double done_mb = static_cast<double>(progress.bytes_done) / 1e6;
  const double total_mb = static_cast<double>(progress.bytes_total) / 1e6;
  const double speed = progress.seconds > 0 ? done_mb / progress.seconds : 0;
  std::string line = Decimal(done_mb, 1) + " MB";
  // A stream still to come may hold any amount: no share of a total then.
  const bool total_known = progress.unsized_inputs == 0;
  if (progress.bytes_total > 0 && total_known) {
    std::string percent = Decimal(100 * std::min(1.0, done_mb / total_mb), 0);
    percent.insert(0, 3 - std::min<std::size_t>(3, percent.size()), ' ');  // "  5%" to "100%"
    line = percent + "% " + Decimal(done_mb, 1) + "/" + Decimal(total_mb, 1) + " MB";
  }
  line += "  " + Decimal(speed, 1) + " MB/s  " + Duration(progress.seconds) + " elapsed";
  // Time left, when the total is known and the speed meaningful.
  if (total_known && progress.bytes_total > progress.bytes_done && speed > 0) {
    line += "  ETA " + Duration((total_mb - done_mb) / speed);
  }
  return line + "  inputs " + std::to_string(progress.inputs_done) + "/" +
         std::to_string(progress.inputs_total);
}

std::string FormatStats(const CountStats& stats, StatsFormat format) {
  const std::vector<Figure> figures = Figures(stats);
  return format == StatsFormat::kJson ? AsJson(figures) : AsText(figures);
}

}  // namespace vocabcount
