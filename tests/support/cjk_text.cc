// The pieces of CJK stress text and their weights.
#include "support/cjk_text.h"

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace vocabcount::testing {
namespace {

using Range = std::pair<char32_t, char32_t>;  // first and last code point

// One kind of piece: one of `words`, or else `min_count` to `max_count` code
// points, each chosen anew from `alphabet` and `ranges` taken together.
struct PieceKind {
  int weight;
  std::vector<std::string_view> words;
  std::u32string_view alphabet;
  std::vector<Range> ranges;
  int min_count = 1;
  int max_count = 1;
};

PieceKind Words(int weight, std::vector<std::string_view> words) {
  return {weight, std::move(words), {}, {}, 1, 1};
}

PieceKind CodePoints(int weight, std::u32string_view alphabet, std::vector<Range> ranges,
                     int min_count = 1, int max_count = 1) {
  return {weight, {}, alphabet, std::move(ranges), min_count, max_count};
}

// Ideographs frequent in Chinese and Japanese text, so that runs of them
// often hold dictionary words the segmenter must choose between.
constexpr std::u32string_view kCommonIdeographs =
    U"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学"
    U"对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面"
    U"公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部"
    U"東京都府県市区町村駅電車会社員時間語本書読見行来食飲話聞思言気元私彼女男子供先生学校大";

// Ideographs of the supplementary planes: Extensions B to G.
const std::vector<Range> kSupplementaryHan = {{0x20000, 0x2A6DF}, {0x2A700, 0x2B739},
                                              {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
                                              {0x2CEB0, 0x2EBE0}, {0x30000, 0x3134A}};

// Katakana that ICU's katakana rule takes into a run, and the long vowel.
const std::vector<Range> kKatakana = {{0x30A1, 0x30FA}, {0x30FC, 0x30FC}};

const std::vector<PieceKind>& Kinds() {
  static const std::vector<PieceKind> kinds = {
      // Kana and kanji.
      Words(10,
            {"東京",   "日本",     "中国",     "人民",       "我们",   "大学",   "学生",
             "先生",   "時間",     "電話",     "会社",       "経済",   "政治",   "文化",
             "社会",   "问题",     "发展",     "经济",       "计算机", "程序",   "文件",
             "目录",   "命令",     "选项",     "参数",       "使用",   "用户",   "系统",
             "手册",   "默认",     "输出",     "输入",       "東京都", "日本語", "中华人民共和国",
             "図書館", "新聞記者", "国際連合", "自由民主党", "說明",   "檔案",   "資料夾",
             "設定",   "預設",     "執行"}),
      CodePoints(10, kCommonIdeographs, {}, 1, 8),
      CodePoints(4, {}, {{0x4E00, 0x9FFF}}, 1, 3),
      CodePoints(2, {}, {{0x3400, 0x4DBF}}, 1, 2),
      CodePoints(3, {}, kSupplementaryHan, 1, 3),
      // Compatibility ideographs (NFKC maps each to a unified one).
      CodePoints(3, {}, {{0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0x2F800, 0x2FA1D}}, 1, 2),
      // Kangxi radicals and the radicals supplement (Han, not ideographic;
      // NFKC maps the Kangxi ones to ideographs).
      CodePoints(2, {}, {{0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}}),
      // 々 〆 〇 〻, Hangzhou numerals, and 〸〹〺 which NFKC maps to 十卄卅.
      CodePoints(3, U"々〆〇〻〡〢〣〤〥〦〧〨〩〸〹〺", {}),
      Words(6, {"の", "に", "は", "を", "が", "で", "と", "です", "ます", "ました", "ください",
                "こと", "もの", "ありがとう", "ひらがな", "行きました", "いる", "ある"}),
      CodePoints(5, U"ゟ", {{0x3041, 0x3096}}, 1, 6),
      CodePoints(2, U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ", {{0x31F0, 0x31FF}}, 1, 3),
      Words(6, {"タワー", "コンピューター", "ソフトウェア", "データベース", "インターネット",
                "プログラム", "ファイル", "ディレクトリ", "オプション", "サーバー", "カタカナ",
                "コーヒー", "マニュアル", "システム", "ヴァイオリン"}),
      CodePoints(5, {}, kKatakana, 1, 8),
      // Runs across the 20 characters where ICU's katakana rule stops.
      CodePoints(4, {}, kKatakana, 15, 25),
      CodePoints(2, U"ヿゟ・ヷヸヹヺ゠", {{0x31F0, 0x31FF}}, 1, 2),
      CodePoints(3, U"ーｰ", {}, 1, 3),
      CodePoints(3, U"ゝゞヽヾ〱〲〳〴〵", {}),
      CodePoints(3, U"\u3099\u309A\u309B\u309C", {}),
      CodePoints(5, {}, {{0xFF66, 0xFF9F}}, 1, 8),
      Words(3, {"ｶﾞｷﾞ", "ﾃﾞｰﾀ", "ﾊﾟｿｺﾝ", "ｱｲｳｴｵ", "ｺｰﾋｰ", "ｳﾞｧ"}),
      CodePoints(2, {}, {{0x3300, 0x3357}}, 1, 2),
      CodePoints(2, {}, {{0x32D0, 0x32FF}}),
      // Kana supplements, and squared kana and ideographs (NFKC maps 🈀 to ほか).
      CodePoints(2, U"\U0001B132\U0001B155",
                 {{0x1B000, 0x1B122}, {0x1B150, 0x1B152}, {0x1B164, 0x1B167}}),
      CodePoints(2, {},
                 {{0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251}}),
      CodePoints(2, {}, {{0x3220, 0x3243}, {0x3280, 0x32B0}, {0x337B, 0x337F}}),
      // Their neighbours.
      Words(3, {"a", "abc", "Tokyo", "x2", "e\u0301", "naïve"}),
      Words(2, {"1", "2023", "3.14", "1,000", "7"}),
      CodePoints(2, {}, {{0xFF10, 0xFF19}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}}, 1, 3),
      Words(2, {".", ",", ":", ";", "!", "?", "'", "\"", "(", ")", "-", "/", "@", "'s"}),
      CodePoints(3, U"、。「」『』（），：；！？…〜〈〉【】．", {}),
      Words(2, {"_", "\uFF3F", "\u203F", "\u2040", "__", "ー_"}),
      Words(2, {" ", "  ", "\t"}),
      Words(2, {"\u3000", "\u00A0", "\u202F", "\u3000\u3000"}),
      Words(2, {"\n", "\r\n", "\r", "\n\n"}),
      Words(1, {"😀", "👍🏽", "\u2764\uFE0F", "🇯🇵", "1\uFE0F\u20E3", "👩\u200D💻"}),
      Words(1, {"ภาษาไทย", "ไทย", "ລາວ", "ខ្មែរ"}),
      Words(1, {"한국어", "한", "\u1100\u1161", "ㄱ"}),
      CodePoints(2, U"\u0301\u0308\u20DD\uFE00\U000E0100", {}),
      CodePoints(2, U"\u200D\u200C\u200B\u2060\uFEFF\u00AD\u061C", {}),
      Words(1, {"\xFF", "\x80", "\xE6\x9D", "\xF0\xA0\x80", "\xED\xA0\x80", "\xC3"}),
  };
  return kinds;
}

bool HasBreak(std::string_view text) {
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7F) return true;
  }
  return false;
}

// Whether any piece this kind makes may hold an ASCII space or control.
bool MayBreak(const PieceKind& kind) {
  for (std::string_view word : kind.words) {
    if (HasBreak(word)) return true;
  }
  for (char32_t c : kind.alphabet) {
    if (c <= 0x20 || c == 0x7F) return true;
  }
  return false;
}

void AppendUtf8(char32_t c, std::string& out) {
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

char32_t ChooseCodePoint(Choose choose, const PieceKind& kind) {
  std::uint32_t total = static_cast<std::uint32_t>(kind.alphabet.size());
  for (const auto& [first, last] : kind.ranges) total += last - first + 1;
  std::uint32_t pick = choose(total);
  if (pick < kind.alphabet.size()) return kind.alphabet[pick];
  pick -= static_cast<std::uint32_t>(kind.alphabet.size());
  for (const auto& [first, last] : kind.ranges) {
    if (pick <= last - first) return first + pick;
    pick -= last - first + 1;
  }
  return kind.alphabet.empty() ? kind.ranges.front().first : kind.alphabet.front();
}

}  // namespace

void AppendCjkPiece(Choose choose, bool with_breaks, std::string& text) {
  const auto& kinds = Kinds();
  static const std::vector<bool> may_break = [] {
    std::vector<bool> flags;
    for (const PieceKind& kind : Kinds()) flags.push_back(MayBreak(kind));
    return flags;
  }();
  std::uint32_t total_weight = 0;
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    if (with_breaks || !may_break[k]) total_weight += static_cast<std::uint32_t>(kinds[k].weight);
  }
  std::uint32_t pick = choose(total_weight);
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    const PieceKind& kind = kinds[k];
    if (!with_breaks && may_break[k]) continue;
    if (pick >= static_cast<std::uint32_t>(kind.weight)) {
      pick -= static_cast<std::uint32_t>(kind.weight);
      continue;
    }
    if (!kind.words.empty()) {
      text += kind.words[choose(static_cast<std::uint32_t>(kind.words.size()))];
      return;
    }
    const auto spread = static_cast<std::uint32_t>(kind.max_count - kind.min_count + 1);
    const int count = kind.min_count + static_cast<int>(choose(spread));
    for (int i = 0; i < count; ++i) AppendUtf8(ChooseCodePoint(choose, kind), text);
    return;
  }
}

}  // namespace vocabcount::testing
