// The pieces of CJK stress text and their weights.
#include "support/cjk_text.h"

#include <string_view>
#include <vector>

namespace vocabcount::testing {
namespace {

// Ideographs frequent in Chinese and Japanese text, so that runs of them
// often hold dictionary words the segmenter must choose between.
constexpr std::u32string_view kCommonIdeographs =
    U"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学"
    U"对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面"
    U"公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部"
    U"東京都府県市区町村駅電車会社員時間語本書読見行来食飲話聞思言気元私彼女男子供先生学校大";

// Ideographs of the supplementary planes: Extensions B to G.
const std::vector<CodePointRange> kSupplementaryHan = {{0x20000, 0x2A6DF}, {0x2A700, 0x2B739},
                                                       {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
                                                       {0x2CEB0, 0x2EBE0}, {0x30000, 0x3134A}};

// Katakana that ICU's katakana rule takes into a run, and the long vowel.
const std::vector<CodePointRange> kKatakana = {{0x30A1, 0x30FA}, {0x30FC, 0x30FC}};

const PieceMenu& Menu() {
  static const PieceMenu menu({
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
  });
  return menu;
}

}  // namespace

void AppendCjkPiece(Choose choose, bool with_breaks, std::string& text) {
  Menu().Append(choose, with_breaks, text);
}

}  // namespace vocabcount::testing
