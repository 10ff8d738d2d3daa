#include "text_lines.hpp"

namespace opis::listing {
namespace {

char fold(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}

}  // namespace

bool is_space_at(std::string_view text, size_t at, size_t* width) {
  if (at < text.size() && is_ascii_space(text[at])) {
    *width = 1;
    return true;
  }
  // U+00A0: web captures keep non-breaking spaces from the page.
  if (at + 1 < text.size() && text[at] == '\xC2' && text[at + 1] == '\xA0') {
    *width = 2;
    return true;
  }
  return false;
}

std::string_view trim(std::string_view text) {
  size_t width = 0;
  while (!text.empty() && is_space_at(text, 0, &width)) text.remove_prefix(width);
  while (!text.empty()) {
    if (is_ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::vector<Line> split_lines(std::string_view document) {
  std::vector<Line> lines;
  bool blank_before = true;
  while (!document.empty()) {
    const size_t end = document.find('\n');
    const std::string_view raw = document.substr(0, end);
    const std::string_view text = trim(raw);
    if (text.empty()) {
      blank_before = true;
    } else {
      size_t width = 0;
      lines.push_back({text, is_space_at(raw, 0, &width), blank_before});
      blank_before = false;
    }
    if (end == std::string_view::npos) break;
    document.remove_prefix(end + 1);
  }
  return lines;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

}  // namespace opis::listing
