// Walking the lines of a JSON Lines unit and tallying the bad ones.
#include "input/jsonl_lines.h"

#include <cstring>

namespace vocabcount::internal {

JsonlTally ExtractTexts(JsonlField& field, std::string_view unit, std::uint64_t first_line,
                        std::string& texts, std::vector<std::size_t>* ends) {
  texts.clear();
  if (ends != nullptr) ends->clear();
  JsonlTally tally;
  std::uint64_t line_number = first_line;
  std::size_t begin = 0;
  while (begin < unit.size()) {
    ++line_number;
    const void* feed = std::memchr(unit.data() + begin, '\n', unit.size() - begin);
    const std::size_t end =
        feed == nullptr ? unit.size() : static_cast<const char*>(feed) - unit.data();
    JsonlLine line = field.Extract(unit.substr(begin, end - begin));
    begin = end + 1;
    if (line.kind == JsonlLine::Kind::kBlank) continue;
    ++tally.lines;
    if (line.kind == JsonlLine::Kind::kText) {
      texts += line.text;
      if (ends != nullptr) ends->push_back(texts.size());
      texts += '\n';
    } else if (tally.bad_lines++ == 0) {
      tally.first_bad_line = line_number;
      tally.first_reason = std::move(line.reason);
    }
  }
  return tally;
}

void AddTally(const JsonlTally& unit, JsonlTally& total) {
  total.lines += unit.lines;
  if (unit.bad_lines == 0) return;
  if (total.bad_lines == 0 || unit.first_bad_line < total.first_bad_line) {
    total.first_bad_line = unit.first_bad_line;
    total.first_reason = unit.first_reason;
  }
  total.bad_lines += unit.bad_lines;
}

}  // namespace vocabcount::internal
