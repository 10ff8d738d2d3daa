// Undoing a PDF's line layout: words hyphenated at a line's end are joined
// ("epi-\nsode" -> "episode") unless the hyphen is real ("Soviet-\nKoreans",
// "Kim Gwang-\nhyeop"), and the lines of a hard-wrapped paragraph become one
// line. Blank lines (paragraph breaks) stay.
#pragma once

#include <string_view>
#include <vector>

#include "lexicon.hpp"
#include "text_edits.hpp"

namespace opis::repair {

struct LineJoinOptions {
  bool unwrap_lines = true;
  bool annotate_unwrap = false;
};

std::vector<Edit> join_lines(std::string_view text, const Lexicon& lexicon,
                             const LineJoinOptions& options);

}  // namespace opis::repair
