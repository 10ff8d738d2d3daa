// The numbered list under an article's NOTES heading.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace opis::article {

struct Endnote {
  std::string number;  // "3"
  std::string text;    // without "3. ", wrapped lines joined
};

// Reads the notes in lines [begin, end) (the lines after the heading) into
// `notes`. A note runs until the next note start or a blank line; after a
// blank line a paragraph that does not start a note still belongs to the
// note when the note stops mid-sentence (a page break inside it), and
// otherwise ends the list. Note numbers must rise (gaps allowed, as in
// extractions that lost a page), so "1957, RGANI …" wrapped to the start of a
// line is never a new note. Returns the number of non-blank lines after the
// list that belong to nothing.
size_t read_endnotes(const std::vector<std::string_view>& lines, size_t begin, size_t end,
                     std::vector<Endnote>& notes);

}  // namespace opis::article
