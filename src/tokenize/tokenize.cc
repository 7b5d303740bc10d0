// The tokenizers: ICU's UAX #29 word segmentation, whitespace runs, and the
// pre-tokenizer patterns of byte-pair-encoding tokenizers.
#include "tokenize/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/uvernum.h>

#include "tokenize/cjk_segmenter.h"
#include "tokenize/fast_word.h"
#include "tokenize/icu_dictionary.h"
#include "tokenize/icu_error.h"
#include "tokenize/icu_word_iterator.h"
#include "tokenize/pretokenize.h"
#include "tokenize/thai_segmenter.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

namespace vocabcount::internal {
namespace {

// The ICU whose CJK and Thai dictionary engines cjk_segmenter.cc,
// thai_segmenter.cc and icu_dictionary.cc redo. Another ICU may have changed
// an engine, its costs or its data layout, and the copies would differ from
// ICU silently: there, ICU's BreakIterator splits those runs.
constexpr int kNativeEnginesIcuMajor = 72;

// A token is a segment whose rule status is a word kind (number, letter,
// kana, ideograph), not UBRK_WORD_NONE (spaces, punctuation, symbols). The
// fast segmenter handles most text; ICU gets the stretches it leaves over.
class WordTokenizer final : public Tokenizer {
 public:
  explicit WordTokenizer(DictionaryEngines engines) : engines_(engines) {}
  ~WordTokenizer() override { utext_close(&text_); }

  absl::Status Tokenize(std::string_view text, TokenSink sink) override {
    absl::Status status;
    // A dictionary run is a segment of its own, so ICU may also take it alone.
    auto with_icu = [&](std::string_view stretch) {
      if (status.ok()) status = TokenizeWithIcu(stretch, sink);
    };
    // Each dictionary run to its segmenter, or to ICU when ICU's data had no
    // dictionary for it.
    auto split_with = [&](auto segmenter_of) {
      return [&, segmenter_of](std::string_view run) {
        if (!status.ok()) return;
        auto segmenter = (this->*segmenter_of)();
        if (!segmenter.ok()) {
          status = segmenter.status();
        } else if (*segmenter != nullptr) {
          status = SegmentRun(**segmenter, run, sink);
        } else {
          with_icu(run);
        }
      };
    };
    SegmentWords(text, {.token = sink,
                        .kana_kanji = split_with(&WordTokenizer::Cjk),
                        .thai = split_with(&WordTokenizer::Thai),
                        .needs_icu = with_icu});
    return status;
  }

 private:
  absl::Status TokenizeWithIcu(std::string_view text, TokenSink sink) {
    // Created on first need: text the fast path covers never pays for it.
    if (!iterator_) {
      auto iterator = NewSettledWordIterator();
      if (!iterator.ok()) return iterator.status();
      iterator_ = std::move(*iterator);
    }
    ToUtf16(text);
    UErrorCode status = U_ZERO_ERROR;
    utext_openUChars(&text_, utf16_.data(), static_cast<int64_t>(utf16_.size()), &status);
    iterator_->setText(&text_, status);
    if (U_FAILURE(status)) return IcuError("cannot set break iterator text", status);
    int32_t start = iterator_->first();
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator_->next()) {
      if (iterator_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
        const std::size_t from = byte_offsets_[static_cast<std::size_t>(start)];
        sink(text.substr(from, byte_offsets_[static_cast<std::size_t>(end)] - from));
      }
    }
    return absl::OkStatus();
  }

  // Each stretch is converted to UTF-16, remembering the byte offset of every
  // unit: ICU iterates UTF-16 faster, and its UTF-8 text access segments some
  // text differently (Khmer after an ill-formed byte), while plain ICU reads
  // UTF-16 as UnicodeString::fromUTF8 makes it. Ill-formed sequences become
  // U+FFFD, as there.
  void ToUtf16(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::int64_t length = static_cast<std::int64_t>(text.size());
    utf16_.clear();
    byte_offsets_.clear();
    for (std::int64_t i = 0; i < length;) {
      const std::size_t at = static_cast<std::size_t>(i);
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
      if (c <= 0xFFFF) {
        utf16_.push_back(static_cast<UChar>(c));
        byte_offsets_.push_back(at);
      } else {
        utf16_.push_back(U16_LEAD(c));
        utf16_.push_back(U16_TRAIL(c));
        byte_offsets_.push_back(at);
        byte_offsets_.push_back(at);
      }
    }
    byte_offsets_.push_back(text.size());
  }

  // Only the CJK engine can fail (ICU normalizes some runs for it).
  static absl::Status SegmentRun(CjkSegmenter& segmenter, std::string_view run, TokenSink sink) {
    return segmenter.Segment(run, sink);
  }
  static absl::Status SegmentRun(ThaiSegmenter& segmenter, std::string_view run, TokenSink sink) {
    segmenter.Segment(run, sink);
    return absl::OkStatus();
  }

  // The segmenters over ICU's own dictionaries, made on first need (opening
  // a dictionary and filling its first-step table takes milliseconds, which
  // text without kana, kanji or Thai should not pay); nullptr if ICU's data
  // lacks the dictionary, an error if it lacks the NFKC data the CJK engine
  // needs (ICU's own engine could not run either).
  absl::StatusOr<CjkSegmenter*> Cjk() {
    if (!cjk_tried_ && engines_ == DictionaryEngines::kNative) {
      if (const CjkDictionary* dictionary = CjkDictionary::Get()) {
        absl::StatusOr<const icu::Normalizer2*> nfkc = CjkSegmenter::Nfkc();
        if (!nfkc.ok()) return nfkc.status();
        cjk_ = std::make_unique<CjkSegmenter>(*dictionary, **nfkc);
      }
      cjk_tried_ = true;
    }
    return cjk_.get();
  }
  absl::StatusOr<ThaiSegmenter*> Thai() {
    if (!thai_tried_ && engines_ == DictionaryEngines::kNative) {
      if (const ThaiDictionary* dictionary = ThaiDictionary::Get()) {
        thai_ = std::make_unique<ThaiSegmenter>(*dictionary);
      }
      thai_tried_ = true;
    }
    return thai_.get();
  }

  const DictionaryEngines engines_;
  std::unique_ptr<CjkSegmenter> cjk_;
  bool cjk_tried_ = false;
  std::unique_ptr<ThaiSegmenter> thai_;
  bool thai_tried_ = false;
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText text_ = UTEXT_INITIALIZER;
  std::vector<UChar> utf16_;
  std::vector<std::size_t> byte_offsets_;
};

// White_Space and control characters (Cc) separate tokens; ASCII is decided by
// table (sixteen bytes at a time where SSE2 is there), the rest by ICU's
// character properties.
class WhitespaceTokenizer final : public Tokenizer {
 public:
  absl::Status Tokenize(std::string_view text, TokenSink sink) override {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::int64_t length = static_cast<std::int64_t>(text.size());
    std::int64_t token_start = -1;
    std::int64_t i = 0;
    while (i < length) {
      if (token_start >= 0) i += PlainAsciiRun(bytes + i, length - i);
      if (i >= length) break;
      const std::int64_t here = i;
      bool separates;
      if (bytes[i] < 0x80) {
        separates = kAsciiSeparates[bytes[i]];
        ++i;
      } else {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        separates = c < 0 || u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR;
      }
      if (separates) {
        if (token_start >= 0) sink(text.substr(token_start, here - token_start));
        token_start = -1;
      } else if (token_start < 0) {
        token_start = here;
      }
    }
    if (token_start >= 0) sink(text.substr(token_start));
    return absl::OkStatus();
  }

 private:
  // C0 controls and DEL are Cc; TAB, LF, VT, FF, CR and space are White_Space.
  static constexpr std::array<bool, 128> kAsciiSeparates = [] {
    std::array<bool, 128> table{};
    for (int c = 0; c <= 0x20; ++c) table[c] = true;
    table[0x7F] = true;
    return table;
  }();

  // The length of the run of printable ASCII other than space at `p`: bytes
  // that continue a token without a look at their properties.
  static std::int64_t PlainAsciiRun(const std::uint8_t* p, std::int64_t limit) {
    std::int64_t run = 0;
#if defined(__SSE2__)
    while (run + 16 <= limit) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + run));
      // Signed: bytes >= 0x80 are negative, so "< 0x21" also stops at them.
      const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21)),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
      if (mask != 0) return run + __builtin_ctz(mask);
      run += 16;
    }
#endif
    while (run < limit && p[run] < 0x80 && !kAsciiSeparates[p[run]]) ++run;
    return run;
  }
};

// Every match of a pre-tokenizer pattern is a token (a piece), white space
// included. The worker hands it text with ill-formed UTF-8 already replaced.
class PieceTokenizer final : public Tokenizer {
 public:
  explicit PieceTokenizer(PiecePattern pattern) : pattern_(pattern) {}

  absl::Status Tokenize(std::string_view text, TokenSink sink) override {
    SplitPieces(pattern_, text, sink);
    return absl::OkStatus();
  }

 private:
  PiecePattern pattern_;
};

// Whether ICU's data (the tree `tree`, or the main one for nullptr) holds
// the file `name`.`type`, found as ICU finds it and closed again.
bool HasIcuData(const char* tree, const char* type, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* data = udata_open(tree, type, name, &status);
  udata_close(data);
  return U_SUCCESS(status);
}

}  // namespace

DictionaryEngines DefaultDictionaryEngines() {
  return U_ICU_VERSION_MAJOR_NUM == kNativeEnginesIcuMajor ? DictionaryEngines::kNative
                                                           : DictionaryEngines::kIcu;
}

absl::StatusOr<std::unique_ptr<Tokenizer>> MakeTokenizer(TokenizerKind kind,
                                                         DictionaryEngines engines) {
  switch (kind) {
    case TokenizerKind::kWord:
      return std::make_unique<WordTokenizer>(engines);
    case TokenizerKind::kWhitespace:
      return std::make_unique<WhitespaceTokenizer>();
    case TokenizerKind::kGpt2:
    case TokenizerKind::kCl100k:
    case TokenizerKind::kO200k:
      return std::make_unique<PieceTokenizer>(PiecePatternOf(kind));
  }
  return absl::InvalidArgumentError("unknown tokenizer");
}

absl::Status ProbeIcuData(TokenizerKind kind, DictionaryEngines engines) {
  if (kind != TokenizerKind::kWord) return absl::OkStatus();
  // Data found once stays found: a program that counts many small texts
  // pays for the probe once.
  static std::atomic<bool> found[2] = {false, false};
  std::atomic<bool>& found_before = found[engines == DictionaryEngines::kNative ? 1 : 0];
  if (found_before.load(std::memory_order_acquire)) return absl::OkStatus();
  // The files are looked up, not loaded: building the iterator, opening the
  // dictionaries and loading NFKC would cost more than counting a small
  // input, which the fast path mostly counts without them.
  if (!HasIcuData(kBreakIteratorData, "brk", "word")) {
    return IcuError("cannot create word break iterator", U_MISSING_RESOURCE_ERROR);
  }
  // The CJK engine normalizes some runs as ICU's own does: without NFKC's
  // data it could not run, nor could ICU's. A dictionary that is not there
  // is no error: ICU's iterator then takes those runs, as it would itself.
  if (engines == DictionaryEngines::kNative && HasIcuData(kBreakIteratorData, "dict", "cjdict") &&
      !HasIcuData(nullptr, "nrm", "nfkc")) {
    return IcuError("cannot load NFKC data", U_MISSING_RESOURCE_ERROR);
  }
  found_before.store(true, std::memory_order_release);
  return absl::OkStatus();
}

}  // namespace vocabcount::internal
