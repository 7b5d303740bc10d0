// Builds the two-byte lead table from the word classes of the code points
// U+0080..U+07FF.
#include "tokenize/two_byte_leads.h"

#include "tokenize/word_class.h"

namespace vocabcount::internal {
namespace {

constexpr int kFirstLead = 0xC2;  // 0xC0 and 0xC1 only start overlong forms
constexpr int kLastLead = 0xDF;

template <typename Predicate>
bool EveryCodePointOf(int lead, Predicate predicate) {
  const UChar32 first = (lead - 0xC0) << 6;
  for (UChar32 c = first; c < first + 64; ++c) {
    if (!predicate(ClassifyForWords(c))) return false;
  }
  return true;
}

TwoByteLeads Build() {
  TwoByteLeads table;
  int ranges = 0;
  for (int lead = kFirstLead; lead <= kLastLead; ++lead) {
    table.all_letters[lead] =
        EveryCodePointOf(lead, [](WordClass c) { return c == WordClass::kLetter; });
    const bool no_icu = EveryCodePointOf(
        lead, [](WordClass c) { return c != WordClass::kComplex && c != WordClass::kExtend; });
    if (!no_icu) continue;
    const bool extends_last = ranges > 0 && table.no_icu[ranges - 1].last == lead - 1;
    if (extends_last) {
      table.no_icu[ranges - 1].last = static_cast<std::uint8_t>(lead);
    } else if (ranges < TwoByteLeads::kMaxRanges) {
      // Leads past the last range are simply decoded one by one.
      table.no_icu[ranges++] = {.first = static_cast<std::uint8_t>(lead),
                                 .last = static_cast<std::uint8_t>(lead)};
    }
  }
  return table;
}

}  // namespace

const TwoByteLeads& TwoByteLeadTable() {
  static const TwoByteLeads table = Build();
  return table;
}

}  // namespace vocabcount::internal
