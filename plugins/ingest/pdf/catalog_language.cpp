#include "catalog_language.hpp"

#include <cctype>

namespace opis::pdf {
namespace {

constexpr size_t kMaxTagBytes = 35;  // RFC 5646 recommends supporting at least 35

bool is_pdf_whitespace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_pdf_delimiter(char c) {
  return is_pdf_whitespace(c) || c == '/' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '(' || c == ')' || c == '%';
}

size_t skip_whitespace(std::string_view s, size_t i) {
  while (i < s.size() && is_pdf_whitespace(s[i])) ++i;
  return i;
}

// Position just after the name `name` (with its slash) when it starts at
// `i` and ends at a delimiter; npos otherwise.
size_t after_name(std::string_view s, size_t i, std::string_view name) {
  if (s.substr(i, name.size()) != name) return std::string_view::npos;
  const size_t end = i + name.size();
  if (end < s.size() && !is_pdf_delimiter(s[end])) return std::string_view::npos;
  return end;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The string object at `i`: a literal (...) without escapes or nesting, or
// a hex string <...>, whose UTF-16BE form (with its marker) is reduced to
// ASCII. Anything else gives empty: a language tag needs neither.
std::string string_object_at(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  if (s[i] == '(') {
    const size_t close = s.find_first_of("()\\", i + 1);
    if (close == std::string_view::npos || s[close] != ')') return {};
    return std::string(s.substr(i + 1, close - i - 1));
  }
  if (s[i] != '<') return {};
  const size_t close = s.find('>', i + 1);
  if (close == std::string_view::npos || close - i > 4 * kMaxTagBytes + 8) return {};
  std::string bytes;
  int high = -1;
  for (size_t k = i + 1; k < close; ++k) {
    if (is_pdf_whitespace(s[k])) continue;
    const int v = hex_value(s[k]);
    if (v < 0) return {};
    if (high < 0) {
      high = v;
    } else {
      bytes += static_cast<char>(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) bytes += static_cast<char>(high * 16);
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    std::string ascii;
    for (size_t k = 2; k + 1 < bytes.size(); k += 2) {
      if (bytes[k] != '\0') return {};
      ascii += bytes[k + 1];
    }
    return ascii;
  }
  return bytes;
}

// Language-Tag shape: a 2-8 letter primary subtag, then 1-8 character
// alphanumeric subtags.
bool looks_like_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxTagBytes) return false;
  size_t subtag = 0;
  size_t index = 0;
  for (size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-') {
      if (subtag == 0 || subtag > 8 || (index == 0 && subtag < 2)) return false;
      subtag = 0;
      ++index;
      continue;
    }
    const auto c = static_cast<unsigned char>(tag[i]);
    if (index == 0 ? !std::isalpha(c) : !std::isalnum(c)) return false;
    ++subtag;
  }
  return true;
}

// The /Lang value inside s[begin, end), or empty.
std::string lang_entry(std::string_view s, size_t begin, size_t end) {
  const std::string_view object = s.substr(begin, end - begin);
  for (size_t at = object.find("/Lang"); at != std::string_view::npos;
       at = object.find("/Lang", at + 1)) {
    const size_t after = after_name(object, at, "/Lang");
    if (after == std::string_view::npos) continue;
    const std::string value = string_object_at(object, skip_whitespace(object, after));
    if (looks_like_language_tag(value)) return value;
  }
  return {};
}

}  // namespace

std::string catalog_language(std::string_view pdf) {
  std::string language;
  for (size_t at = pdf.find("/Type"); at != std::string_view::npos;
       at = pdf.find("/Type", at + 1)) {
    const size_t after_type = after_name(pdf, at, "/Type");
    if (after_type == std::string_view::npos) continue;
    if (after_name(pdf, skip_whitespace(pdf, after_type), "/Catalog") == std::string_view::npos) {
      continue;
    }
    // The enclosing indirect object: "N G obj ... endobj".
    const size_t begin = pdf.rfind(" obj", at);
    const size_t end = pdf.find("endobj", at);
    if (begin == std::string_view::npos || end == std::string_view::npos) continue;
    if (std::string value = lang_entry(pdf, begin, end); !value.empty()) {
      language = std::move(value);
    }
  }
  return language;
}

}  // namespace opis::pdf
