#include "utf8_letters.hpp"

namespace opis::entities {
namespace {

// U+00C0..U+00FF and U+0100..U+017F by base letter; '*' marks × and ÷.
constexpr std::string_view kLatin1Base =
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";
// Built from runs so the table is easy to check against the code chart.
struct Run {
  char base;
  int count;
};
constexpr Run kExtendedARuns[] = {{'a', 6},  {'c', 8}, {'d', 4}, {'e', 10}, {'g', 8},  {'h', 4},
                                  {'i', 10}, {'i', 2}, {'j', 2}, {'k', 3},  {'l', 10}, {'n', 9},
                                  {'o', 6},  {'o', 2}, {'r', 6}, {'s', 8},  {'t', 6},  {'u', 12},
                                  {'w', 2},  {'y', 3}, {'z', 6}, {'s', 1}};

char extended_a_base(char32_t c) {
  int index = static_cast<int>(c - 0x100);
  for (const Run& run : kExtendedARuns) {
    if (index < run.count) return run.base;
    index -= run.count;
  }
  return 0;
}

// In U+0100..U+017F capitals sit on even code points up to U+0137, on odd
// ones from U+0139 to U+0148, on even ones again from U+014A to U+0177, then
// Ÿ (U+0178) and odd ones to U+017E.
bool extended_a_upper(char32_t c) {
  if (c <= 0x137) return c % 2 == 0;
  if (c == 0x138) return false;
  if (c <= 0x148) return c % 2 == 1;
  if (c == 0x149) return false;
  if (c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c <= 0x17E) return c % 2 == 1;
  return false;
}

void append_utf8(char32_t c, std::string& out) {
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

}  // namespace

CodePoint decode_multibyte(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  uint32_t length = 0;
  char32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (pos + length > text.size()) return {0xFFFD, 1};
  for (uint32_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (next & 0x3F);
  }
  return {value, length};
}

bool is_non_ascii_letter(char32_t c) {
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return (c >= 0x370 && c <= 0x3FF) ||    // Greek
         (c >= 0x400 && c <= 0x4FF) ||    // Cyrillic
         (c >= 0x1E00 && c <= 0x1EFF) ||  // Latin Extended Additional
         (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x3400 && c <= 0x9FFF) ||  // CJK ideographs
         (c >= 0xAC00 && c <= 0xD7A3);    // Hangul syllables
}

bool is_non_ascii_upper(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return extended_a_upper(c);
  if (c >= 0x400 && c <= 0x42F) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
  return false;
}

bool is_non_ascii_lower(char32_t c) {
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !extended_a_upper(c) && c != 0x138 && c != 0x149;
  if (c >= 0x430 && c <= 0x45F) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 1;
  return false;
}

void append_folded(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return;
  }
  if (c >= 0xC0 && c <= 0xFF) {
    const char base = kLatin1Base[c - 0xC0];
    if (base != '*') {
      out += base;
      return;
    }
  }
  if (c >= 0x100 && c <= 0x17F) {
    out += extended_a_base(c);
    return;
  }
  if (c >= 0x410 && c <= 0x42F) c += 0x20;
  if (c >= 0x400 && c <= 0x40F) c += 0x50;
  append_utf8(c, out);
}

}  // namespace opis::entities
