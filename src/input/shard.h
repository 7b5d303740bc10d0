// Dividing the input list into parts for independent processes (job-array
// tasks, mappers): every process given the same list computes the same parts.
#pragma once

#include <vector>

#include "input/input_list.h"

namespace vocabcount::internal {

// The inputs of part `index` of `count`, in their original order. Inputs are
// dealt by size, largest first (equal sizes in path order), each to the part
// with the fewest bytes so far, then the fewest inputs, then the lowest
// index: parts come out balanced by bytes, which a hash of the path does not
// give when file sizes vary. Inputs of unknown size count as empty.
std::vector<Input> SelectShard(std::vector<Input> inputs, int index, int count);

}  // namespace vocabcount::internal
