// Paragraphs of a text: stretches separated by blank lines (lines holding
// only spaces or tabs). Shifted runs never cross one and line joining stops
// at one.
#pragma once

#include <string_view>
#include <vector>

namespace opis::repair {

struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};

// Each paragraph runs from its first line's start to its last line's end
// (before the newline).
std::vector<TextRange> split_paragraphs(std::string_view text);

}  // namespace opis::repair
