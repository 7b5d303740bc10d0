// Opening and reading the vocabularies of a merge, and keeping them in token
// order.
#include "merge/merge_sources.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <utility>

#include "input/open_input.h"
#include "output/sort.h"

namespace vocabcount::internal {
namespace {

std::uint64_t Prefix(std::string_view token) {
  if (token.size() < 8 || std::endian::native != std::endian::little) {
    return SortRecord::BigEndian(token.substr(0, 8));
  }
  std::uint64_t word;
  std::memcpy(&word, token.data(), sizeof word);
  return __builtin_bswap64(word);
}

}  // namespace

bool MergeSource::Open(std::size_t buffer_bytes) {
  std::optional<TextStream> text = OpenText(input_, problem_);
  if (!text) return false;
  reader_.emplace(std::move(*text), buffer_bytes);
  return true;
}

bool MergeSource::Advance() {
  if (reader_->Next(current_)) {
    prefix_ = Prefix(current_.token);
    return true;
  }
  if (!reader_->error().empty()) {
    problem_ = Problem{input_.path, std::nullopt, reader_->error(), reader_->error_line()};
  }
  return false;
}

void MergeSource::AddTo(CountStats& stats) const {
  ++stats.inputs;
  stats.bytes += reader_->text_bytes();
  stats.stored_bytes += reader_->stream().stored_bytes();
  if (!reader_->stream().format().empty()) ++stats.compressed_inputs;
}

SourceHeap::SourceHeap(std::vector<MergeSource*> sources) : heap_(std::move(sources)) {
  // A sorted array is a heap.
  std::sort(heap_.begin(), heap_.end(),
            [](const MergeSource* a, const MergeSource* b) { return Before(*a, *b); });
}

void SourceHeap::TopChanged() {
  const std::size_t size = heap_.size();
  std::size_t at = 0;
  for (;;) {
    std::size_t child = 2 * at + 1;
    if (child >= size) return;
    if (child + 1 < size && Before(*heap_[child + 1], *heap_[child])) ++child;
    if (!Before(*heap_[child], *heap_[at])) return;
    std::swap(heap_[at], heap_[child]);
    at = child;
  }
}

void SourceHeap::PopTop() {
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) TopChanged();
}

}  // namespace vocabcount::internal
