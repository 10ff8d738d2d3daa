// Byte-level helpers shared by the citation scanners. Everything works on
// UTF-8 bytes: the scanners only ever stop on ASCII bytes, so a cut never
// falls inside a multi-byte character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace opis::citations {

constexpr bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || is_digit(c);
}
constexpr bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
constexpr char ascii_lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool starts_with_at(std::string_view text, size_t pos, std::string_view word) {
  return text.size() - pos >= word.size() && text.compare(pos, word.size(), word) == 0;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Runs of white space (line breaks included) become one space, so a
// citation hard-wrapped over two lines reads as it was written.
inline std::string collapse_whitespace(std::string_view s) {
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (const char c : s) {
    if (is_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

// The key names are compared by: white space collapsed, ASCII case folded,
// typographic apostrophes made straight.
inline std::string name_key(std::string_view s) {
  std::string collapsed = collapse_whitespace(s);
  std::string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size(); ++i) {
    if (starts_with_at(collapsed, i, "\xE2\x80\x99")) {
      out += '\'';
      i += 2;
      continue;
    }
    out += ascii_lower(collapsed[i]);
  }
  return out;
}

// Whether a word may start at `pos`: the byte before is not a letter or
// digit. Of the non-ASCII characters, only the punctuation blocks count as
// boundaries (U+0080-U+00BF: no-break space, guillemets; U+2000-U+203F:
// dashes, curly quotes; U+3000-U+303F: CJK punctuation); a letter such as
// "é" or "Д" before `pos` means the word started earlier.
inline bool word_starts_at(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char before = text[pos - 1];
  if (!is_non_ascii(before)) return !is_ascii_alnum(before);
  if (pos >= 2 && text[pos - 2] == '\xC2') return true;
  if (pos >= 3 && ((text[pos - 3] == '\xE2' && text[pos - 2] == '\x80') ||
                   (text[pos - 3] == '\xE3' && text[pos - 2] == '\x80'))) {
    return true;
  }
  return false;
}

// Skips spaces and tabs and at most `max_newlines` line breaks; returns the
// new position.
inline size_t skip_space(std::string_view text, size_t pos, int max_newlines) {
  int newlines = 0;
  while (pos < text.size() && is_space(text[pos])) {
    if (text[pos] == '\n' && ++newlines > max_newlines) break;
    ++pos;
  }
  return pos;
}

}  // namespace opis::citations
