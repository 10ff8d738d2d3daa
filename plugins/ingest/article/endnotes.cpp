#include "endnotes.hpp"

#include "structure_lines.hpp"
#include "text_lines.hpp"
#include "wrapped_join.hpp"

namespace opis::article {
namespace {

// How far numbering may jump between consecutive notes before a numbered
// line is read as part of the previous note instead.
constexpr unsigned kMaxNoteNumberGap = 20;

unsigned number_value(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

bool ends_mid_sentence(std::string_view text) {
  if (text.empty()) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == ')' || last == ']' || last == '"') {
    return false;
  }
  return !(text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\x9D");  // ”
}

}  // namespace

size_t read_endnotes(const std::vector<std::string_view>& lines, size_t begin, size_t end,
                     std::vector<Endnote>& notes) {
  unsigned last = notes.empty() ? 0 : number_value(notes.back().number);
  bool after_blank = false;
  bool open = false;  // a note of this list is being read
  size_t i = begin;
  for (; i < end; ++i) {
    const std::string_view line = lines[i];
    if (is_blank(line)) {
      after_blank = true;
      continue;
    }
    if (const auto start = note_start(line)) {
      const unsigned number = number_value(start->number);
      if (number > last && number <= last + kMaxNoteNumberGap) {
        notes.push_back({std::string(start->number), std::string(start->rest)});
        last = number;
        open = true;
        after_blank = false;
        continue;
      }
    }
    if (!open) break;
    if (after_blank && !ends_mid_sentence(notes.back().text)) break;
    append_wrapped(notes.back().text, line);
    after_blank = false;
  }
  size_t unassigned = 0;
  for (; i < end; ++i) unassigned += is_blank(lines[i]) ? 0 : 1;
  return unassigned;
}

}  // namespace opis::article
