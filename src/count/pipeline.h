// The pipeline's one seam for tests: the probe of ICU's data that Count() and
// CountText() run before any input is read, which a test replaces by one
// that fails, as missing ICU data would.
#pragma once

#include <string_view>

#include "absl/status/status.h"
#include "tokenize/tokenize.h"
#include "vocabcount/count.h"

namespace vocabcount::internal {

using IcuProbe = absl::Status (*)(TokenizerKind kind, DictionaryEngines engines);

// CountText() with `probe_icu` in place of ProbeIcuData.
CountReport CountTextProbing(std::string_view text, const Options& options, IcuProbe probe_icu);

}  // namespace vocabcount::internal
