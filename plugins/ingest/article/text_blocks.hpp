// Building a record's text from a run of extracted lines.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace opis::article {

// Lines [begin, end) joined with '\n' as they are (hard wraps, trailing
// spaces and damaged runs stay for the repair enricher), every run of blank
// lines made one empty line, with no blank lines or trailing blanks at
// either end.
std::string join_block(const std::vector<std::string_view>& lines, size_t begin, size_t end);

// Lines [begin, end) trimmed and joined into one line (wrapped_join rules).
std::string join_wrapped_lines(const std::vector<std::string_view>& lines, size_t begin,
                               size_t end);

}  // namespace opis::article
