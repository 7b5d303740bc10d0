// How a problem reads on a terminal: "path: what", "path:offset: what" or
// "path: line N: what".
#include "vocabcount/problem.h"

namespace vocabcount {

std::string Problem::ToString() const {
  if (path.empty()) return what;  // a failure of the run, not of one input
  std::string text = path == "-" ? "<stdin>" : path;
  if (byte_offset) text += ":" + std::to_string(*byte_offset);
  text += ": ";
  if (line) text += "line " + std::to_string(*line) + ": ";
  text += what;
  return text;
}

}  // namespace vocabcount
