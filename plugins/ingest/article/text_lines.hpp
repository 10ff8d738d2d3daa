// Line-level scanners over UTF-8 text. Structure in PDF extractions is
// line-shaped (headings, note starts, page numbers), so everything here works
// on one line at a time and never allocates.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace opis::article {

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool is_letter(char c) {
  return is_upper(c) || is_lower(c);
}

std::string_view trim(std::string_view text);
std::string_view trim_left(std::string_view text);
std::string_view trim_right(std::string_view text);
inline bool is_blank(std::string_view line) {
  return trim(line).empty();
}

// The lines of `text` without their '\n'; a final newline adds no empty line.
std::vector<std::string_view> split_lines(std::string_view text);

// ASCII-case-insensitive prefix test.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

// Reads 1..max_digits ASCII digits at `at`; returns how many (0 when none or
// when more than max_digits follow).
size_t digits_at(std::string_view text, size_t at, size_t max_digits);

}  // namespace opis::article
