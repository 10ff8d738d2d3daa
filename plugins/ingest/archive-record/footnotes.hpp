// The notes printed after a record page's body: "[1] The 22nd CPSU Congress …".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paragraphs.hpp"

namespace opis::archive_record {

struct Note {
  std::string marker;  // "1"
  std::string text;    // without "[1] "
};

struct NoteStart {
  std::string_view marker;
  std::string_view rest;  // the line after the marker
};

// "[12] text" -> {"12", "text"}; "[*] text" -> {"*", "text"}.
std::optional<NoteStart> note_start(std::string_view line);

// Takes the notes that close paragraphs [begin, end): the trailing run of
// paragraphs opening with a marker, plus a note's continuation paragraphs
// when the numbering shows where the note began. Returns the index of the
// first note paragraph (`end` when there are none).
size_t take_notes(const std::vector<Paragraph>& paragraphs, size_t begin, size_t end,
                  std::vector<Note>& notes);

}  // namespace opis::archive_record
