// Just enough Unicode for names in Latin, Cyrillic and CJK script: decoding
// one code point, telling letters and capitals apart, and folding a letter to
// the lower-case ASCII letter it is written with (Ŏ -> o, Á -> a).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opis::entities {

struct CodePoint {
  char32_t value = 0;
  uint32_t length = 0;  // bytes; invalid UTF-8 decodes as U+FFFD of length 1
};

// Most text is ASCII: the checks below answer an ASCII character inline and
// call out of line only for the rest.
CodePoint decode_multibyte(std::string_view text, size_t pos);
inline CodePoint decode_at(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  return decode_multibyte(text, pos);
}

bool is_non_ascii_letter(char32_t c);
bool is_non_ascii_upper(char32_t c);
bool is_non_ascii_lower(char32_t c);
inline bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return is_non_ascii_letter(c);
}
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return is_non_ascii_upper(c);
}
inline bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return is_non_ascii_lower(c);
}
// ' ’ ‘ ʼ `: all spell the same apostrophe (Workers’ = Workers').
inline bool is_apostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB;
}
// - ‐ ‑: joins the syllables of a name (Hon-yong). Dashes (– —) do not.
inline bool is_name_hyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
// Blanks inside a line, including U+00A0 and the thin spaces; not '\n'.
inline bool is_inline_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\r';
  return c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x2002 || c == 0x2003;
}

// Appends the letter or digit as matching sees it: lower case, without
// diacritics for Latin letters, Cyrillic lower-cased, anything else as is.
void append_folded(char32_t c, std::string& out);

}  // namespace opis::entities
