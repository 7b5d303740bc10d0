// The byte-level form of a piece that byte-pair-encoding trainers use (GPT-2's
// bytes_to_unicode): every byte of its UTF-8 written as one printable
// character, so that a space reads as "Ġ" and a line feed as "Ċ".
#pragma once

#include <string>
#include <string_view>

namespace vocabcount::internal {

// Appends the byte-level form of `bytes` to `out`. Bytes 0x21-0x7E, 0xA1-0xAC
// and 0xAE-0xFF stand for the code point of the same number; the other 68
// (controls, space, DEL, 0x80-0xA0, 0xAD) for U+0100 onwards, in byte order.
void AppendByteLevel(std::string_view bytes, std::string& out);

// Whether the byte-level form of `bytes` is `bytes` itself: printable ASCII
// other than space.
bool IsOwnByteLevel(std::string_view bytes);

}  // namespace vocabcount::internal
