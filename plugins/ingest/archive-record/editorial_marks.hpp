// Bracketed insertions in a record's body, annotated where they stand:
// footnote references "[1]", editor's marks "[signature]", notes
// "[Translator's note: …]", expansions "CPSU [Communist Party of the Soviet
// Union]" and other insertions "[of 81 Communist and Workers Parties]".
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vocabulary.hpp"

namespace opis::archive_record {

struct Mark {
  std::string type;  // footnote_ref, editorial_note, expansion
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string value;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// One pass over `text`; `note_markers` are the markers of the page's notes.
// Sorted by begin, then end.
std::vector<Mark> find_marks(std::string_view text, const std::set<std::string>& note_markers,
                             const Vocabulary& vocabulary);

}  // namespace opis::archive_record
