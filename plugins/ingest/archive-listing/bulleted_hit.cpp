#include "bulleted_hit.hpp"

#include <algorithm>
#include <array>

#include "date_line.hpp"
#include "text_lines.hpp"

namespace opis::listing {
namespace {

// The separator must come right after the date, so it is only looked for
// this far into the line (the longest date shape plus slack).
constexpr size_t kSeparatorWindow = 48;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Length of a list marker at the start of `line` including the spaces after
// it; 0 when there is none.
size_t bullet_length(std::string_view line) {
  static constexpr std::array<std::string_view, 5> kSymbolBullets = {"\u2022", "\u00B7", "\u2023",
                                                                     "\u25E6", "\u25AA"};
  size_t marker = 0;
  bool needs_space = true;
  for (const auto b : kSymbolBullets) {
    if (line.substr(0, b.size()) == b) {
      marker = b.size();
      needs_space = false;  // "•February 9, 1952" is still a bullet
    }
  }
  if (marker == 0 && !line.empty() && (line[0] == '-' || line[0] == '*' || line[0] == '+')) {
    marker = 1;
  }
  if (marker == 0) {
    size_t digits = 0;
    while (digits < line.size() && digits < 4 && is_digit(line[digits])) ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
      marker = digits + 1;
    }
  }
  if (marker == 0) return 0;
  size_t end = marker;
  size_t width = 0;
  while (end < line.size() && is_space_at(line, end, &width)) end += width;
  if (needs_space && end == marker) return 0;
  return end;
}

// Length of a separator starting at `at`, 0 if none: em or en dash with or
// without spaces, a hyphen or bar only with spaces (a hyphen inside "1962-01-03"
// is part of the date).
size_t separator_length(std::string_view text, size_t at) {
  const char c = text[at];
  if (c == '\xE2') {  // the lead byte of both dashes: most positions stop here
    for (const std::string_view dash : {std::string_view("\u2014"), std::string_view("\u2013")}) {
      if (text.substr(at, dash.size()) == dash) return dash.size();
    }
    return 0;
  }
  if ((c == '-' || c == '|') && at > 0 && text[at - 1] == ' ' && at + 1 < text.size() &&
      text[at + 1] == ' ') {
    return 1;
  }
  return 0;
}

}  // namespace

std::optional<BulletedHit> split_bulleted_hit(std::string_view line) {
  line = trim(line);
  const size_t bullet = bullet_length(line);
  const std::string_view rest = line.substr(bullet);
  const size_t window = std::min(rest.size(), kSeparatorWindow);
  for (size_t at = 1; at < window; ++at) {
    const size_t separator = separator_length(rest, at);
    if (separator == 0) continue;
    const std::string_view date = trim(rest.substr(0, at));
    const DatePrecision precision = date_precision(date);
    if (precision == DatePrecision::kNone) continue;
    if (precision == DatePrecision::kYear && bullet == 0) return std::nullopt;
    const std::string_view title = trim(rest.substr(at + separator));
    if (title.empty()) return std::nullopt;
    return BulletedHit{date, title};
  }
  return std::nullopt;
}

}  // namespace opis::listing
