#include "text_lines.hpp"

namespace opis::article {

std::string_view trim_left(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  return text.substr(begin);
}

std::string_view trim_right(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  return text.substr(0, end);
}

std::string_view trim(std::string_view text) {
  return trim_right(trim_left(text));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (is_upper(a)) a = static_cast<char>(a - 'A' + 'a');
    if (is_upper(b)) b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

size_t digits_at(std::string_view text, size_t at, size_t max_digits) {
  size_t n = 0;
  while (at + n < text.size() && is_digit(text[at + n])) ++n;
  return n <= max_digits ? n : 0;
}

}  // namespace opis::article
