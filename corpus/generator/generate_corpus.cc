// Deterministic synthetic corpus generator: builds a vocabulary of syllable-made
// words, then writes Zipf-sampled words in lines, exactly N bytes of UTF-8.
#include "generate_corpus.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <vector>

// Clang contracts a * b + c into a fused multiply-add by default, which rounds
// differently; GCC and Clang also get -ffp-contract=off from CMakeLists.txt.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace vocabcount::generator {
namespace {

// Determinism rests on IEEE-754 doubles with exactly rounded +, -, *, / (no
// fused multiply-add contraction: CMakeLists.txt turns it off) and on never
// calling the library's transcendental functions, whose last bits differ
// between C libraries. std::frexp, std::ldexp and std::floor are exact.
static_assert(std::numeric_limits<double>::is_iec559, "IEEE-754 doubles required");

constexpr std::size_t kBlockSize = std::size_t{1} << 20;
// The Zipf sampler first looks up u's top bits in a guide table of this many
// bits, which bounds the binary search to a few CDF entries.
constexpr int kGuideBits = 12;
constexpr double kLn2 = 0.693147180559945309417232121458176568;
constexpr double kSqrt2 = 1.41421356237309504880168872420969808;

// One draw in 40 is a number rather than a word.
constexpr std::uint64_t kNumberPerMille = 25;
constexpr int kMinLineTarget = 60;
constexpr int kMaxLineTarget = 120;
// One vocabulary word in ten is a name, stored Capitalized.
constexpr std::uint64_t kCapitalizedPercent = 10;

// Natural logarithm for x >= 1 from basic arithmetic only, so that every
// platform computes the same bits: x = m * 2^e, ln m = 2 atanh((m-1)/(m+1)).
double DeterministicLog(double x) {
  int exponent = 0;
  double mantissa = std::frexp(x, &exponent);  // [0.5, 1)
  if (mantissa < 1 / kSqrt2) {
    mantissa *= 2;
    --exponent;
  }
  // mantissa is in [0.707, 1.414], so |s| < 0.172 and 20 terms are plenty.
  const double s = (mantissa - 1) / (mantissa + 1);
  const double s2 = s * s;
  double power = s;
  double sum = 0;
  for (int i = 1; i < 42; i += 2) {
    sum += power / i;
    power *= s2;
  }
  return 2 * sum + exponent * kLn2;
}

// e^y for y <= 0, likewise: y = n ln 2 + r with r in [0, ln 2), Taylor for e^r.
double DeterministicExp(double y) {
  const double n = std::floor(y / kLn2);
  const double r = y - n * kLn2;
  double term = 1;
  double sum = 1;
  for (int i = 1; i <= 25; ++i) {
    term *= r / i;
    sum += term;
  }
  if (n < -2000) return 0;
  return std::ldexp(sum, static_cast<int>(n));
}

// std::mt19937_64 is specified bit for bit by the standard; the standard
// distributions are not, so the conversions to ranges are done here.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t Next() { return engine_(); }
  // Uniform in [0, 1), multiples of 2^-53: exact, hence portable.
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n) for n >= 1; the modulo bias (n / 2^64) is negligible.
  std::uint64_t Below(std::uint64_t n) { return engine_() % n; }

 private:
  std::mt19937_64 engine_;
};

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void AppendUtf8(std::string& out, std::u32string_view text) {
  for (char32_t c : text) AppendUtf8(out, c);
}

template <typename T, std::size_t N>
const T& Pick(Random& random, const T (&choices)[N]) {
  return choices[random.Below(N)];
}

// Syllable parts, laid out by hand with the letters in comments. Repeated
// entries make the common shapes more likely.
// clang-format off
constexpr std::string_view kLatinOnsets[] = {
    "",   "",   "",   "b",  "c",  "d",  "f",  "g",  "h",  "j",  "k",  "l",
    "m",  "n",  "p",  "r",  "s",  "t",  "v",  "w",  "y",  "z",  "br", "cr",
    "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st",
    "sp", "sk", "sh", "ch", "th", "qu", "wh", "l",  "m",  "n",  "r",  "s",
    "t",  "d"};
constexpr std::string_view kLatinNuclei[] = {
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "e",
    "ai", "ea", "ee", "oo", "ou", "ie", "au", "oa"};
constexpr std::string_view kLatinCodas[] = {
    "", "", "", "", "", "", "n", "r", "s", "t", "l", "m",
    "nd", "st", "ck", "ng", "rt", "x", "sh", "th", "n", "r", "s", "t"};

// Cyrillic, as code points so the source file's encoding does not matter.
constexpr std::u32string_view kCyrillicOnsets[] = {
    U"",   U"",   U"\u0431", U"\u0432", U"\u0433", U"\u0434",  // б в г д
    U"\u0436", U"\u0437", U"\u043A", U"\u043B", U"\u043C",     // ж з к л м
    U"\u043D", U"\u043F", U"\u0440", U"\u0441", U"\u0442",     // н п р с т
    U"\u0444", U"\u0445", U"\u0446", U"\u0447", U"\u0448",     // ф х ц ч ш
    U"\u0449",                                                 // щ
    U"\u0441\u0442", U"\u043F\u0440", U"\u043A\u0440",         // ст пр кр
    U"\u0442\u0440", U"\u0431\u0440", U"\u0433\u0440",         // тр бр гр
    U"\u0434\u0440", U"\u0437\u0432", U"\u0441\u043B",         // др зв сл
    U"\u043D", U"\u0440", U"\u0441", U"\u0442", U"\u043C"};    // н р с т м
constexpr std::u32string_view kCyrillicVowels[] = {
    U"\u0430", U"\u0435", U"\u0438", U"\u043E", U"\u0443",  // а е и о у
    U"\u0430", U"\u0435", U"\u0438", U"\u043E", U"\u043E",  // а е и о о
    U"\u044B", U"\u044F", U"\u044E", U"\u0451", U"\u044D"};  // ы я ю ё э
constexpr std::u32string_view kCyrillicCodas[] = {
    U"", U"", U"", U"", U"",
    U"\u043D", U"\u0440", U"\u0441", U"\u0442", U"\u043B",  // н р с т л
    U"\u0439", U"\u043C", U"\u043A", U"\u0432",             // й м к в
    U"\u043B\u044C", U"\u0441\u0442\u044C"};                // ль сть

// Thai consonants in common use (no obsolete letters), finals, vowel signs.
constexpr char32_t kThaiConsonants[] = {
    0x0E01, 0x0E02, 0x0E04, 0x0E07, 0x0E08, 0x0E09, 0x0E0A, 0x0E0B, 0x0E0D,
    0x0E14, 0x0E15, 0x0E16, 0x0E17, 0x0E18, 0x0E19, 0x0E1A, 0x0E1B, 0x0E1C,
    0x0E1D, 0x0E1E, 0x0E1F, 0x0E20, 0x0E21, 0x0E22, 0x0E23, 0x0E25, 0x0E27,
    0x0E28, 0x0E29, 0x0E2A, 0x0E2B, 0x0E2D, 0x0E2E};
constexpr char32_t kThaiFinals[] = {0x0E01, 0x0E07, 0x0E14, 0x0E19,
                                    0x0E1A, 0x0E21, 0x0E22, 0x0E27};
constexpr char32_t kThaiAboveBelowVowels[] = {0x0E34, 0x0E35, 0x0E36,
                                              0x0E37, 0x0E38, 0x0E39};
constexpr char32_t kThaiLeadingVowels[] = {0x0E40, 0x0E41, 0x0E42};  // เ แ โ
constexpr char32_t kThaiLeadingOpenVowels[] = {0x0E43, 0x0E44};      // ใ ไ
constexpr char32_t kThaiToneMarks[] = {0x0E48, 0x0E49};              // ่ ้
constexpr char32_t kThaiSaraA = 0x0E30;    // ะ
constexpr char32_t kThaiSaraAa = 0x0E32;   // า
constexpr char32_t kThaiSaraAm = 0x0E33;   // ำ
// clang-format on

enum class Script { kLatin, kCyrillic, kHangul, kHan, kThai };

Script PickScript(Mix mix, Random& random) {
  if (mix == Mix::kEnglish) return Script::kLatin;
  const std::uint64_t r = random.Below(100);
  if (r < 30) return Script::kLatin;
  if (r < 50) return Script::kCyrillic;
  if (r < 65) return Script::kHangul;
  if (r < 80) return Script::kHan;
  return Script::kThai;
}

void AppendThaiSyllable(Random& random, std::string& out) {
  const char32_t consonant = Pick(random, kThaiConsonants);
  const bool tone = random.Below(4) == 0;
  const bool closed = random.Below(2) == 0;
  switch (random.Below(7)) {
    case 0:  // consonant, (tone), sara aa, (final)
      AppendUtf8(out, consonant);
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      AppendUtf8(out, kThaiSaraAa);
      if (closed) AppendUtf8(out, Pick(random, kThaiFinals));
      break;
    case 1:  // consonant, vowel above or below, (tone), (final)
      AppendUtf8(out, consonant);
      AppendUtf8(out, Pick(random, kThaiAboveBelowVowels));
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      if (closed) AppendUtf8(out, Pick(random, kThaiFinals));
      break;
    case 2:  // leading vowel, consonant, (tone), (final)
      AppendUtf8(out, Pick(random, kThaiLeadingVowels));
      AppendUtf8(out, consonant);
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      if (closed) AppendUtf8(out, Pick(random, kThaiFinals));
      break;
    case 3:  // sara ai, consonant, (tone): an open syllable
      AppendUtf8(out, Pick(random, kThaiLeadingOpenVowels));
      AppendUtf8(out, consonant);
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      break;
    case 4:  // closed syllable with the inherent vowel
      AppendUtf8(out, consonant);
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      AppendUtf8(out, Pick(random, kThaiFinals));
      break;
    case 5:
      AppendUtf8(out, consonant);
      AppendUtf8(out, kThaiSaraA);
      break;
    default:
      AppendUtf8(out, consonant);
      if (tone) AppendUtf8(out, Pick(random, kThaiToneMarks));
      AppendUtf8(out, kThaiSaraAm);
      break;
  }
}

// Appends one word of `script` with `units` syllables (characters for Han).
void AppendWord(Script script, int units, Random& random, std::string& out) {
  for (int i = 0; i < units; ++i) {
    switch (script) {
      case Script::kLatin:
        out += Pick(random, kLatinOnsets);
        out += Pick(random, kLatinNuclei);
        out += Pick(random, kLatinCodas);
        break;
      case Script::kCyrillic:
        AppendUtf8(out, Pick(random, kCyrillicOnsets));
        AppendUtf8(out, Pick(random, kCyrillicVowels));
        AppendUtf8(out, Pick(random, kCyrillicCodas));
        break;
      case Script::kHangul: {
        // A precomposed syllable from its jamo: 19 leads, 21 vowels, 28 tails
        // (tail 0 = none, chosen half of the time).
        const std::uint64_t lead = random.Below(19);
        const std::uint64_t vowel = random.Below(21);
        const std::uint64_t tail = random.Below(2) == 0 ? 0 : 1 + random.Below(27);
        AppendUtf8(out, static_cast<char32_t>(0xAC00 + (lead * 21 + vowel) * 28 + tail));
        break;
      }
      case Script::kHan:
        AppendUtf8(out, static_cast<char32_t>(0x4E00 + random.Below(0x9FA5 - 0x4E00 + 1)));
        break;
      case Script::kThai:
        AppendThaiSyllable(random, out);
        break;
    }
  }
}

// Frequent words are short, as in natural languages: rank r gets at most
// 1 + floor(log10(r + 1)) syllables (capped), plus more after collisions.
int MaxUnits(std::uint64_t rank, Script script) {
  int units = 1;
  for (std::uint64_t limit = 10; rank + 1 >= limit && units < 4; limit *= 10) ++units;
  if (script == Script::kHan) return std::min(units, 3);
  return units;
}

// The first letter in upper case, for names and sentence starts. Handles the
// lowercase letters the generator produces: ASCII a-z and Cyrillic а-я, ё.
// Returns false (and appends nothing) for other scripts.
bool AppendCapitalized(std::string_view word, std::string& out) {
  const auto b0 = static_cast<unsigned char>(word[0]);
  if (b0 >= 'a' && b0 <= 'z') {
    out += static_cast<char>(b0 - 'a' + 'A');
    out.append(word.substr(1));
    return true;
  }
  if (word.size() < 2) return false;
  const auto b1 = static_cast<unsigned char>(word[1]);
  if (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) {  // а-п -> А-П
    out += static_cast<char>(0xD0);
    out += static_cast<char>(b1 - 0x20);
  } else if (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F) {  // р-я -> Р-Я
    out += static_cast<char>(0xD0);
    out += static_cast<char>(b1 + 0x20);
  } else if (b0 == 0xD1 && b1 == 0x91) {  // ё -> Ё
    out += static_cast<char>(0xD0);
    out += static_cast<char>(0x81);
  } else {
    return false;
  }
  out.append(word.substr(2));
  return true;
}

class Generator {
 public:
  explicit Generator(const GeneratorOptions& options) : options_(options), random_(options.seed) {
    BuildVocabulary();
    BuildDistribution();
  }

  bool Run(const BlockWriter& write);

 private:
  std::string_view Word(std::uint64_t index) const {
    return std::string_view(arena_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

  void BuildVocabulary();
  void BuildDistribution();
  std::uint64_t SampleRank();
  // Appends the next token (a word or a number, maybe with punctuation).
  void AppendToken(std::string& out);
  void AppendNumber(std::string& out);

  GeneratorOptions options_;
  Random random_;
  // Word i (rank i, most frequent first) is arena_[offsets_[i], offsets_[i+1]).
  std::string arena_;
  std::vector<std::uint64_t> offsets_;
  // cumulative_[i] = weight(0) + ... + weight(i), weight(i) = (i + 1)^-a.
  std::vector<double> cumulative_;
  // guide_[b] = first index i with cumulative_[i] > (b / 2^kGuideBits) * total.
  std::vector<std::uint32_t> guide_;
  bool capitalize_next_ = true;
};

void Generator::BuildVocabulary() {
  // The words come from their own stream, so the vocabulary of a seed does
  // not depend on how the text stream is consumed.
  Random random(options_.seed ^ 0x9E3779B97F4A7C15u);
  const std::uint64_t size = options_.vocabulary;
  offsets_.reserve(size + 1);
  offsets_.push_back(0);
  // Distinctness check over indices into arena_; the candidate is appended
  // tentatively and taken back if it is already there.
  const auto view = [this](std::uint64_t i) { return Word(i); };
  const auto hash = [&view](std::uint64_t i) { return std::hash<std::string_view>{}(view(i)); };
  const auto equal = [&view](std::uint64_t a, std::uint64_t b) { return view(a) == view(b); };
  std::unordered_set<std::uint64_t, decltype(hash), decltype(equal)> seen(size, hash, equal);
  for (std::uint64_t rank = 0; rank < size; ++rank) {
    const Script script = PickScript(options_.mix, random);
    const bool capitalized = script == Script::kLatin && random.Below(100) < kCapitalizedPercent;
    const int max_units = MaxUnits(rank, script);
    std::string word;
    for (int attempt = 0;; ++attempt) {
      word.clear();
      // Collisions are common among the short top-ranked words; each eight
      // failed attempts allow one more syllable.
      const int units = 1 + static_cast<int>(random.Below(max_units)) + attempt / 8;
      AppendWord(script, units, random, word);
      if (capitalized) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      arena_ += word;
      offsets_.push_back(arena_.size());
      if (seen.insert(rank).second) break;
      offsets_.pop_back();
      arena_.resize(offsets_.back());
    }
  }
}

void Generator::BuildDistribution() {
  const std::uint64_t size = options_.vocabulary;
  cumulative_.resize(size);
  double total = 0;
  for (std::uint64_t i = 0; i < size; ++i) {
    const double weight =
        DeterministicExp(-options_.zipf_exponent * DeterministicLog(static_cast<double>(i + 1)));
    total += weight;
    cumulative_[i] = total;
  }
  const std::size_t buckets = std::size_t{1} << kGuideBits;
  guide_.resize(buckets + 1);
  for (std::size_t b = 0; b <= buckets; ++b) {
    const double threshold = std::ldexp(static_cast<double>(b), -kGuideBits) * total;
    guide_[b] = static_cast<std::uint32_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), threshold) - cumulative_.begin());
  }
}

// Inverse-CDF sampling: the first rank whose cumulative weight exceeds u * total.
// The guide narrows the search without changing its result: u in
// [b/2^k, (b+1)/2^k) and rounding of u * total is monotonic in u, so the
// answer lies in [guide_[b], guide_[b+1]].
std::uint64_t Generator::SampleRank() {
  const double u = random_.Uniform();
  const double target = u * cumulative_.back();
  const auto bucket = static_cast<std::size_t>(u * (1u << kGuideBits));
  const auto begin = cumulative_.begin() + guide_[bucket];
  const auto end = cumulative_.begin() + guide_[bucket + 1];
  auto rank =
      static_cast<std::uint64_t>(std::upper_bound(begin, end, target) - cumulative_.begin());
  // Only reachable when rounding makes target equal the total: take the last
  // rank with a nonzero weight.
  if (rank >= cumulative_.size()) {
    rank = static_cast<std::uint64_t>(
        std::lower_bound(cumulative_.begin(), cumulative_.end(), cumulative_.back()) -
        cumulative_.begin());
  }
  return rank;
}

void AppendDigits(std::uint64_t value, int min_width, std::string& out) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  for (int pad = min_width - static_cast<int>(result.ptr - digits); pad > 0; --pad) out += '0';
  out.append(digits, result.ptr);
}

void Generator::AppendNumber(std::string& out) {
  switch (random_.Below(4)) {
    case 0:  // small integer
      AppendDigits(random_.Below(1000), 1, out);
      break;
    case 1:  // a year
      AppendDigits(1800 + random_.Below(300), 1, out);
      break;
    case 2:  // a decimal, one token under UAX #29 (WB11/WB12)
      AppendDigits(random_.Below(100), 1, out);
      out += '.';
      AppendDigits(random_.Below(100), 2, out);
      break;
    default:  // thousands separator, also one token
      AppendDigits(1 + random_.Below(999), 1, out);
      out += ',';
      AppendDigits(random_.Below(1000), 3, out);
      break;
  }
}

void Generator::AppendToken(std::string& out) {
  if (random_.Below(1000) < kNumberPerMille) {
    AppendNumber(out);
  } else {
    const std::string_view word = Word(SampleRank());
    if (!(capitalize_next_ && AppendCapitalized(word, out))) out.append(word);
  }
  capitalize_next_ = false;
  const std::uint64_t punctuation = random_.Below(1000);
  if (punctuation < 60) {
    out += ',';
  } else if (punctuation < 100) {
    out += '.';
    capitalize_next_ = true;
  } else if (punctuation < 105) {
    out += ';';
  } else if (punctuation < 110) {
    out += '!';
    capitalize_next_ = true;
  } else if (punctuation < 115) {
    out += '?';
    capitalize_next_ = true;
  }
}

bool Generator::Run(const BlockWriter& write) {
  if (options_.bytes == 0) return true;
  // Everything but the final '\n'.
  const std::uint64_t body = options_.bytes - 1;
  std::uint64_t flushed = 0;
  std::string buffer;
  buffer.reserve(kBlockSize + 4096);
  std::string token;
  std::uint64_t line_length = 0;
  std::uint64_t line_target = kMinLineTarget + random_.Below(kMaxLineTarget - kMinLineTarget + 1);
  // Lines hold whole tokens and stay within their target length (unless one
  // token alone is longer); the target is drawn anew for every line.
  while (flushed + buffer.size() < body) {
    token.clear();
    AppendToken(token);
    if (line_length > 0) {
      if (line_length + 1 + token.size() > line_target) {
        buffer += '\n';
        line_length = 0;
        line_target = kMinLineTarget + random_.Below(kMaxLineTarget - kMinLineTarget + 1);
      } else {
        buffer += ' ';
        ++line_length;
      }
    }
    buffer += token;
    line_length += token.size();
    if (buffer.size() >= kBlockSize && flushed + buffer.size() < body) {
      if (!write(buffer)) return false;
      flushed += buffer.size();
      buffer.clear();
    }
  }
  // Cut at `body`, backing off to the start of a character (buffer begins on
  // one, as it only ever holds whole tokens), then pad back to `body` bytes.
  std::size_t keep = static_cast<std::size_t>(body - flushed);
  while (keep > 0 && keep < buffer.size() &&
         (static_cast<unsigned char>(buffer[keep]) & 0xC0) == 0x80) {
    --keep;
  }
  buffer.resize(keep);
  buffer.append(static_cast<std::size_t>(body - flushed) - keep, ' ');
  // A line break just before the end would leave an empty last line.
  if (!buffer.empty() && buffer.back() == '\n') buffer.back() = ' ';
  buffer += '\n';
  return write(buffer);
}

}  // namespace

std::optional<std::string> ValidateOptions(const GeneratorOptions& options) {
  if (options.vocabulary < 1 || options.vocabulary > kMaxVocabulary) {
    return "the vocabulary size must be between 1 and " + std::to_string(kMaxVocabulary);
  }
  if (!(options.zipf_exponent >= 0 && options.zipf_exponent <= kMaxZipfExponent)) {
    char limit[32];
    const auto end = std::to_chars(limit, limit + sizeof limit, kMaxZipfExponent).ptr;
    return "the Zipf exponent must be between 0 and " + std::string(limit, end);
  }
  return std::nullopt;
}

bool GenerateCorpus(const GeneratorOptions& options, const BlockWriter& write) {
  if (ValidateOptions(options)) return false;
  Generator generator(options);
  return generator.Run(write);
}

bool GenerateCorpus(const GeneratorOptions& options, std::ostream& out) {
  return GenerateCorpus(options, [&out](std::string_view block) {
    out.write(block.data(), static_cast<std::streamsize>(block.size()));
    return static_cast<bool>(out);
  });
}

std::optional<std::uint64_t> ParseByteCount(std::string_view text) {
  std::uint64_t value = 0;
  const char* const end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || ptr == text.data()) return std::nullopt;
  int shift = 0;
  if (ptr != end) {
    if (ptr + 1 != end) return std::nullopt;
    switch (*ptr) {
      case 'K':
      case 'k':
        shift = 10;
        break;
      case 'M':
      case 'm':
        shift = 20;
        break;
      case 'G':
      case 'g':
        shift = 30;
        break;
      default:
        return std::nullopt;
    }
  }
  if (value > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
  return value << shift;
}

std::optional<Mix> ParseMix(std::string_view text) {
  if (text == "english") return Mix::kEnglish;
  if (text == "multilingual") return Mix::kMultilingual;
  return std::nullopt;
}

}  // namespace vocabcount::generator
