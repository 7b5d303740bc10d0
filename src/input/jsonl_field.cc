// Extracting the string at a field from one JSON line. simdjson's DOM parser
// is used rather than its on-demand API because it validates the whole line:
// on-demand checks only the parts it visits, so a line broken after the field
// would pass for a record.
#include "input/jsonl_field.h"

#include <simdjson.h>

#include <algorithm>
#include <new>

#include "absl/status/status.h"

namespace vocabcount::internal {
namespace {

static_assert(kJsonlPaddingBytes >= simdjson::SIMDJSON_PADDING);

// Most lines are far shorter: the parser starts with room for this, so that
// it does not grow again and again through the first lines of an input.
constexpr std::size_t kInitialCapacity = std::size_t{64} << 10;
// Past this, the parser grows to the line's size only: its buffers take
// several times the capacity, too much to double for a huge line.
constexpr std::size_t kDoublingLimit = std::size_t{64} << 20;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

const char* TypeName(simdjson::dom::element_type type) {
  using simdjson::dom::element_type;
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

JsonlLine Bad(std::string reason) {
  return JsonlLine{.kind = JsonlLine::Kind::kBad, .reason = std::move(reason)};
}

}  // namespace

absl::StatusOr<JsonlField> JsonlField::Create(std::string_view path) {
  std::vector<std::string> keys;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t dot = std::min(path.find('.', begin), path.size());
    if (dot == begin) {
      return absl::InvalidArgumentError("JSON field \"" + std::string(path) +
                                        "\" has an empty key: name keys joined by dots");
    }
    keys.emplace_back(path.substr(begin, dot - begin));
    if (dot == path.size()) break;
    begin = dot + 1;
  }
  return JsonlField(std::move(keys), std::string(path));
}

JsonlField::JsonlField(std::vector<std::string> keys, std::string path)
    : keys_(std::move(keys)),
      path_(std::move(path)),
      parser_(std::make_unique<simdjson::dom::parser>()) {}

JsonlField::JsonlField(JsonlField&&) noexcept = default;
JsonlField& JsonlField::operator=(JsonlField&&) noexcept = default;
JsonlField::~JsonlField() = default;

JsonlLine JsonlField::Extract(std::string_view line) {
  if (IsBlank(line)) return JsonlLine{};
  // Grow ahead of simdjson, by doubling, so that slowly lengthening lines do
  // not reallocate the parser's buffers each time.
  if (line.size() > parser_->capacity()) {
    const std::size_t doubled = std::min(2 * parser_->capacity(), kDoublingLimit);
    const std::size_t capacity = std::max({line.size(), doubled, kInitialCapacity});
    if (parser_->allocate(capacity) != simdjson::SUCCESS) throw std::bad_alloc();
  }
  simdjson::dom::element value;
  const simdjson::error_code error = parser_->parse(line.data(), line.size(), false).get(value);
  if (error == simdjson::MEMALLOC) throw std::bad_alloc();
  if (error != simdjson::SUCCESS) {
    return Bad(std::string("not valid JSON: ") + simdjson::error_message(error));
  }
  if (value.type() != simdjson::dom::element_type::OBJECT) {
    return Bad(std::string("not a JSON object but ") + TypeName(value.type()));
  }
  std::size_t named = 0;  // length of the path prefix walked so far
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    named += (i > 0 ? 1 : 0) + keys_[i].size();
    const std::string_view prefix = std::string_view(path_).substr(0, named);
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) {
      const std::string_view parent =
          std::string_view(path_).substr(0, named - keys_[i].size() - 1);
      return Bad("field \"" + std::string(parent) + "\" is " + TypeName(value.type()) +
                 ", not an object");
    }
    if (object.at_key(keys_[i]).get(value) != simdjson::SUCCESS) {
      return Bad("no field \"" + std::string(prefix) + "\"");
    }
  }
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Bad("field \"" + path_ + "\" is " + TypeName(value.type()) + ", not a string");
  }
  // simdjson rejects escapes of lone surrogates, which have no UTF-8 form;
  // checking again costs little and keeps ill-formed text from the counts
  // whatever the parser's version does.
  if (!simdjson::validate_utf8(text.data(), text.size())) {
    return Bad("field \"" + path_ + "\" is not valid UTF-8 once unescaped (a lone surrogate)");
  }
  return JsonlLine{.kind = JsonlLine::Kind::kText, .text = text};
}

}  // namespace vocabcount::internal
