// The document as lines, and the small string tests the scanners share. All
// comparisons fold ASCII case only: listing furniture is English, and titles
// are never compared.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace opis::listing {

struct Line {
  std::string_view text;      // trimmed
  bool indented = false;      // started with whitespace
  bool blank_before = false;  // a blank line (or the start) precedes it
};

// The non-blank lines of `document`; LF or CRLF line ends.
std::vector<Line> split_lines(std::string_view document);

// Strips ASCII whitespace and U+00A0 at both ends.
std::string_view trim(std::string_view text);

bool is_space_at(std::string_view text, size_t at, size_t* width);
bool equals_ignoring_case(std::string_view a, std::string_view b);
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

}  // namespace opis::listing
