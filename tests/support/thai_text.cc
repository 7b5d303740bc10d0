// The pieces of Thai stress text and their weights.
#include "support/thai_text.h"

namespace vocabcount::testing {
namespace {

// Thai letters the engine takes (Thai, LineBreak=SA): U+0E01..U+0E3A and
// U+0E40..U+0E4E. Consonants and leading vowels are the letters a word may
// begin with; the marks are those the engine never ends a word before.
const std::vector<CodePointRange> kThaiLetters = {{0x0E01, 0x0E3A}, {0x0E40, 0x0E4E}};
const std::vector<CodePointRange> kWordStarts = {{0x0E01, 0x0E2E}, {0x0E40, 0x0E44}};
const std::vector<CodePointRange> kThaiMarks = {
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}};

const PieceMenu& Menu() {
  // clang-format off
  static const PieceMenu menu({
      // Thai.
      Words(16, ThaiWords()),
      Words(10, ThaiWords(), 2, 6),
      // Runs of some 30 to 200 characters with no space.
      Words(6, ThaiWords(), 8, 40),
      Words(3, {"ภาษาไทย เป็น ภาษาราชการ", "สวัสดี ครับ", "ประเทศไทย มี ประชากร มาก",
                "ไม่ มี ข้อมูล", "ขอบคุณ ค่ะ", "ที่ นี่"}),
      // Around the engine's minimum: runs of four characters or fewer stay whole.
      Words(5, {"ก", "ข", "กา", "ดี", "ขอ", "ไก่", "น้ำ", "ไทย", "ภาษา", "ความ", "คนไทย",
                "ไปมา", "ดีมาก", "มีคน", "เ", "แ", "ไ", "ะ", "า", "ำ"}),
      CodePoints(4, {}, kWordStarts, 1, 5),
      CodePoints(6, {}, kWordStarts, 1, 12),
      CodePoints(6, {}, kThaiLetters, 1, 12),
      CodePoints(5, {}, kThaiMarks, 1, 3),
      Words(6, {"ฯ", "ๆ", "ฯฯ", "ๆๆ", "ฯๆ", "ๆฯ", "ฯลฯ", "ฯพณฯ", "ไทยๆ", "เร็วๆ", "ต่างๆ",
                "ดีๆ", "บ่อยๆๆ", "กรุงเทพฯ", "ขอฯ", "ๆไทย", "ฯไทย"}),
      // Rare letters and marks: ฤ ฦ with LAKKHANGYAO, PHINTHU, NIKHAHIT,
      // YAMAKKAN, tone marks, a doubled SARA E (a common misspelling of แ).
      Words(3, {"ฤๅษี", "ฦๅ", "ฤดู", "ธรฺม", "พฺรหฺม", "สํา", "ก๎", "ก๊ก", "ก๋า", "เเก", "กั",
                "ก์", "กิ่ิ", "ศัพท์"}),
      // Thai outside the engine's set: digits, FONGMAN, ANGKHANKHU, KHOMUT, baht.
      CodePoints(3, U"๏๚๛฿", {{0x0E50, 0x0E59}}, 1, 4),
      // Their neighbours.
      Words(3, {" ", "  ", "\t", "\u00A0", "\u3000"}),
      Words(2, {"\n", "\r\n", "\n\n"}),
      Words(3, {".", ",", ":", ";", "!", "?", "\"", "(", ")", "-", "/", "@", "#", "%s", "[", "]"}),
      Words(3, {"a", "abc", "Thai", "x2", "naïve", "e\u0301"}),
      Words(2, {"1", "2023", "3.14", "1,000"}),
      Words(2, {"_", "__", "\u203F", "\uFF3F"}),
      Words(2, {"'", ".", "\u2019", "'s", "a.", ".a", "a'", "'a"}),
      CodePoints(3, U"\u200D\u200C\u200B\u2060\uFEFF\u00AD", {}),
      Words(1, {"😀", "👍🏽", "\u2764\uFE0F", "🇹🇭", "👩\u200D💻"}),
      Words(1, {"東京", "カタカナ", "ひらがな", "漢", "。", "、"}),
      Words(1, {"한국어", "한"}),
      Words(1, {"ລາວ", "ພາສາລາວ", "ກ", "\u0EC8", "ខ្មែរ"}),
      CodePoints(1, U"\u0301\u0308\u20DD\uFE00", {}),
      Words(1, {"\u0E3B", "\u0E5C", "\u0E7F"}),
      Words(1, {"\xFF", "\x80", "\xE0\xB8", "\xE0\xB9", "\xB8\x81", "\xC3", "\xED\xA0\x80"}),
  });
  // clang-format on
  return menu;
}

}  // namespace

const std::vector<std::string_view>& ThaiWords() {
  // clang-format off
  static const std::vector<std::string_view> words = {
      "ภาษา", "ไทย", "ประเทศ", "การ", "ที่", "และ", "ของ", "ใน", "มี", "เป็น", "ได้", "ให้",
      "ว่า", "จะ", "ไม่", "นี้", "คน", "กับ", "แต่", "หรือ", "ความ", "เรา", "เขา", "คุณ",
      "ทำ", "ไป", "มา", "ดี", "มาก", "ใหญ่", "บ้าน", "เมือง", "กรุงเทพ", "โรงเรียน",
      "นักเรียน", "หนังสือ", "อ่าน", "เขียน", "พูด", "สวัสดี", "ขอบคุณ", "ครับ", "ค่ะ",
      "วัน", "เวลา", "ปี", "น้ำ", "อาหาร", "กิน", "ข้าว", "ทำงาน", "ระบบ", "ข้อมูล",
      "คอมพิวเตอร์", "โปรแกรม", "แฟ้ม", "ผู้ใช้", "ตัวเลือก", "คำสั่ง", "รายการ",
      "ข้อความ", "ผิดพลาด", "ติดตั้ง", "แพ็กเกจ", "ตั้งค่า", "เปิด", "ปิด", "สร้าง", "ลบ",
      "ค้นหา", "ชื่อ", "รัฐบาล", "เศรษฐกิจ", "สังคม", "วัฒนธรรม", "มหาวิทยาลัย",
      "ประวัติศาสตร์", "นายกรัฐมนตรี", "ก็", "เด็ก", "อย่าง", "ต้อง", "แล้ว", "เห็น", "ยัง",
      "ด้วย", "ซึ่ง", "เพื่อ", "ถ้า", "เมื่อ", "ทุก", "ทั้ง", "สามารถ", "ศัพท์",
      "ก๋วยเตี๋ยว", "ฤดู", "ประชาธิปไตย", "อินเทอร์เน็ต", "ไฟล์"};
  // clang-format on
  return words;
}

void AppendThaiPiece(Choose choose, bool with_breaks, std::string& text) {
  Menu().Append(choose, with_breaks, text);
}

}  // namespace vocabcount::testing
