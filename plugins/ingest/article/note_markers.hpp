// Endnote markers in an article's body: "Plenum.3", "recently.12",
// "histories of modern Korea,1", the superscript numbers a PDF extraction
// glues to the end of a word.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace opis::article {

struct NoteMarker {
  std::string number;
  uint32_t begin = 0;  // UTF-8 byte offsets of the digits in the text
  uint32_t end = 0;
};

// The markers of `text` for the notes numbered `note_numbers`, in text order,
// at most one per number. A candidate is 1-3 digits glued to a lowercase
// word or to closing punctuation and followed by a space, the end or
// punctuation; it is never part of a longer number and never inside a
// damaged run (a word holding U+FFFD). Candidates glued to punctuation that
// follows a digit ("in 1956.5", "52,7") are kept only where they continue the
// numbering exactly. Of the candidates, the longest chain with rising numbers
// wins, so years, page numbers and stray digits that happen to have a note
// fall out of the sequence.
std::vector<NoteMarker> find_note_markers(std::string_view text,
                                          const std::set<unsigned>& note_numbers);

}  // namespace opis::article
