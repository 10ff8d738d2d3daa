// Recognizers for the lines that carry an article's structure: the byline,
// "DOCUMENT No. N" headings, the endnotes heading, numbered notes and the
// "[Source: …]" block. Each takes one line as extracted (leading and trailing
// blanks allowed) and says nothing about lines around it.
#pragma once

#include <optional>
#include <string_view>

namespace opis::article {

// "DOCUMENT No. 12", "Document No. 3", "DOCUMENT 7", "Document #4" -> "12".
std::optional<std::string_view> document_heading_number(std::string_view line);

// "NOTES", "Notes", "ENDNOTES", "Endnotes" (an optional colon).
bool is_notes_heading(std::string_view line);

struct NoteStart {
  std::string_view number;  // "3"
  std::string_view rest;    // the line after "3. ", trimmed
};
// "3. Record of conversation …" or "3) …".
std::optional<NoteStart> note_start(std::string_view line);

// "By Halina Worth", "By James F. Person and Gary Goldberg": "By" and names
// only, so a body line opening with "By their …" is not a byline.
bool is_byline(std::string_view line);

// The line opens a "[Source: …" block.
bool is_source_start(std::string_view line);

}  // namespace opis::article
