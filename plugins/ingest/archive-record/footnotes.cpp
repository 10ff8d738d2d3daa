#include "footnotes.hpp"

#include <algorithm>
#include <charconv>

#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

constexpr size_t kMaxMarkerDigits = 3;
// How far back a note may have continuation paragraphs.
constexpr size_t kMaxContinuationParagraphs = 3;

std::optional<int> number_of(std::string_view marker) {
  int value = 0;
  const auto [end, error] = std::from_chars(marker.data(), marker.data() + marker.size(), value);
  if (error != std::errc{} || end != marker.data() + marker.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<NoteStart> note_start(std::string_view line) {
  if (line.size() < 3 || line.front() != '[') return std::nullopt;
  const size_t close = line.find(']');
  if (close == std::string_view::npos || close < 2) return std::nullopt;
  const std::string_view marker = line.substr(1, close - 1);
  const bool star = marker == "*";
  const bool digits = marker.size() <= kMaxMarkerDigits &&
                      std::all_of(marker.begin(), marker.end(), [](char c) { return is_digit(c); });
  if (!star && !digits) return std::nullopt;
  const std::string_view rest = line.substr(close + 1);
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return std::nullopt;
  return NoteStart{marker, trim(rest)};
}

size_t take_notes(const std::vector<Paragraph>& paragraphs, size_t begin, size_t end,
                  std::vector<Note>& notes) {
  struct Group {
    size_t first;
    size_t stop;
  };
  std::vector<Group> groups;  // last note first
  size_t group_stop = end;
  size_t i = end;
  while (i > begin) {
    if (note_start(paragraphs[i - 1].lines.front())) {
      groups.push_back({i - 1, group_stop});
      group_stop = i - 1;
      --i;
      continue;
    }
    if (groups.empty()) break;
    // Paragraphs without a marker between note N-1 and note N continue N-1.
    const auto first_marker =
        number_of(note_start(paragraphs[groups.back().first].lines.front())->marker);
    if (!first_marker || *first_marker <= 1) break;
    const std::string previous = std::to_string(*first_marker - 1);
    const size_t floor =
        i - 1 > begin + kMaxContinuationParagraphs ? i - 1 - kMaxContinuationParagraphs : begin;
    size_t found = end;
    for (size_t j = i - 1; j > floor; --j) {
      const auto start = note_start(paragraphs[j - 1].lines.front());
      if (start && start->marker == previous) {
        found = j - 1;
        break;
      }
    }
    if (found == end) break;
    i = found + 1;
  }

  for (auto group = groups.rbegin(); group != groups.rend(); ++group) {
    const Paragraph& first = paragraphs[group->first];
    const auto start = note_start(first.lines.front());
    Note note;
    note.marker = std::string(start->marker);
    note.text = std::string(start->rest);
    for (size_t line = 1; line < first.lines.size(); ++line) {
      note.text += '\n';
      note.text += first.lines[line];
    }
    for (size_t k = group->first + 1; k < group->stop; ++k) {
      note.text += "\n\n";
      note.text += joined(paragraphs[k], "\n");
    }
    note.text = std::string(trim(note.text));
    notes.push_back(std::move(note));
  }
  return groups.empty() ? end : groups.back().first;
}

}  // namespace opis::archive_record
