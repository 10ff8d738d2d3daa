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

CodePoint decode_at(std::string_view text, size_t pos);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
// ' ’ ‘ ʼ `: all spell the same apostrophe (Workers’ = Workers').
bool is_apostrophe(char32_t c);
// - ‐ ‑: joins the syllables of a name (Hon-yong). Dashes (– —) do not.
bool is_name_hyphen(char32_t c);
// Blanks inside a line, including U+00A0 and the thin spaces; not '\n'.
bool is_inline_space(char32_t c);

// Appends the letter or digit as matching sees it: lower case, without
// diacritics for Latin letters, Cyrillic lower-cased, anything else as is.
void append_folded(char32_t c, std::string& out);

}  // namespace opis::entities
