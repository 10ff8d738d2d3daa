#include "text_folding.hpp"

namespace opis::link {
namespace {

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_invisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

bool is_apostrophe(char32_t cp) {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032 ||
         cp == 0x02BC || cp == 0x60 || cp == 0xB4;
}

bool is_double_quote(char32_t cp) {
  return cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0x2033 ||
         cp == 0xAB || cp == 0xBB;
}

bool is_dash(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63;
}

// Simple (one-to-one) lower-casing for the scripts archive titles use. The
// Latin Extended-A block pairs upper/lower as even/odd except in two runs.
char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

}  // namespace

char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (size_t i = 1; i < length; ++i) {
    const unsigned char c = byte(pos + i);
    if ((c & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += length;
  return cp;
}

void append_folded(char32_t cp, std::string& out) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // fullwidth ASCII (NFKC)
  if (cp < 0x80) {
    out += static_cast<char>(is_space(cp) ? ' ' : is_apostrophe(cp) ? '\'' : lower(cp));
    return;
  }
  if (is_space(cp)) {
    out += ' ';
  } else if (is_invisible(cp)) {
  } else if (is_apostrophe(cp)) {
    out += '\'';
  } else if (is_double_quote(cp)) {
    out += '"';
  } else if (is_dash(cp)) {
    out += '-';
  } else if (cp == 0x2026) {
    out += "...";
  } else if (cp == 0xBA) {
    out += 'o';  // "Nº": NFKC maps the ordinal indicators to letters
  } else if (cp == 0xAA) {
    out += 'a';
  } else if (cp == 0x2116) {
    out += "no";
  } else if (cp >= 0xFB00 && cp <= 0xFB04) {
    static constexpr const char* kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl"};
    out += kLigatures[cp - 0xFB00];
  } else {
    append_utf8(lower(cp), out);
  }
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) append_folded(next_code_point(text, pos), out);
  return out;
}

}  // namespace opis::link
