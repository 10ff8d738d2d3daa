// Byte and code-point helpers for scanning UTF-8 record text. Scanners stop
// only on ASCII bytes or whole code points, so a cut never splits a
// character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace opis::contributors {

constexpr bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_letter(char c) {
  return is_ascii_upper(c) || is_ascii_lower(c);
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
constexpr bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}
constexpr bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\f' || c == '\v';
}
constexpr char ascii_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// One decoded code point and its length in bytes; {0xFFFD, 1} for a bad
// sequence (the host only hands out valid UTF-8, but fixtures may not be).
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};

inline CodePoint decode_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {0, 0};
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {b0, 1};
  size_t length = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    value = b0 & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (pos + length > s.size()) return {0xFFFD, 1};
  for (size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (b & 0x3F);
  }
  return {value, length};
}

// Latin Extended-A pairs each capital with its small letter; the capital
// is on the even code point except in U+0139-U+0148 and U+0179-U+017E.
constexpr bool is_latin_extended_a_upper(char32_t c) {
  if (c == 0x138 || c == 0x149 || c == 0x17F) return false;  // ĸ ŉ ſ have no capital
  if (c == 0x178) return true;                               // Ÿ
  const bool odd_capitals = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  return (c % 2 == 1) == odd_capitals;
}

// Letter case for the scripts personal names in the archives come in
// (Latin with its Western and Central European letters, Greek, Cyrillic).
// Other scripts have no case: their names are not recognized (see README,
// Limits).
constexpr bool is_upper_letter(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return is_latin_extended_a_upper(c);
  if (c >= 0x391 && c <= 0x3A9) return true;
  return c >= 0x400 && c <= 0x42F;
}
constexpr bool is_lower_letter(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_latin_extended_a_upper(c);
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  return c >= 0x430 && c <= 0x45F;
}
constexpr bool is_letter(char32_t c) {
  return is_upper_letter(c) || is_lower_letter(c);
}

// U+2019 RIGHT SINGLE QUOTATION MARK doubles as the typographic apostrophe.
constexpr bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

inline std::string ascii_folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Bounds of the line holding byte `pos` (without its '\n').
struct LineSpan {
  size_t begin = 0;
  size_t end = 0;
};

inline LineSpan line_at(std::string_view text, size_t pos) {
  size_t begin = pos;
  while (begin > 0 && text[begin - 1] != '\n') --begin;
  const size_t nl = text.find('\n', pos);
  return {begin, nl == std::string_view::npos ? text.size() : nl};
}

}  // namespace opis::contributors
