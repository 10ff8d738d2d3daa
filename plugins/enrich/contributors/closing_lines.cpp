#include "closing_lines.hpp"

#include "person_name.hpp"
#include "signature_scanner.hpp"
#include "utf8_text.hpp"

namespace opis::contributors {
namespace {

constexpr size_t kMaxClosingLineBytes = 400;
// Lines read under an "Author(s):" label before giving up on it.
constexpr int kMaxAuthorLines = 10;

bool is_blank_line(std::string_view line) {
  return trim(line).empty();
}

// Calls `visit(line, previous_blank, next_blank)` for every line.
template <class Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  std::string_view previous;
  bool has_previous = false;
  size_t pos = 0;
  // The line break ending the line at `pos`, found once: it is looked for
  // as the next line's end before it becomes the current one's.
  size_t nl = text.find('\n');
  while (pos <= text.size()) {
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = text.substr(pos, end - pos);
    std::string_view next;
    size_t next_nl = std::string_view::npos;
    if (nl != std::string_view::npos) {
      next_nl = text.find('\n', nl + 1);
      next = text.substr(nl + 1,
                         (next_nl == std::string_view::npos ? text.size() : next_nl) - (nl + 1));
    }
    visit(line, !has_previous || is_blank_line(previous), is_blank_line(next), end);
    previous = line;
    has_previous = true;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    nl = next_nl;
  }
}

}  // namespace

std::vector<std::string> scan_closing_authors(std::string_view text, const NameLexicon& lexicon) {
  std::vector<std::string> out;
  for_each_line(text, [&](std::string_view line, bool previous_blank, bool next_blank, size_t) {
    if (!previous_blank || !next_blank) return;
    line = trim(line);
    if (line.size() > kMaxClosingLineBytes) return;
    const size_t comma = line.rfind(", ");
    if (comma == std::string_view::npos) return;
    if (!is_position_line(line.substr(0, comma), lexicon)) return;
    // Two words at least: one capitalized word after a comma is too often
    // a place ("…, Pyongyang").
    const auto name = as_personal_name(line.substr(comma + 2), lexicon);
    if (name && name->find(' ') != std::string::npos) out.push_back(*name);
  });
  return out;
}

std::vector<std::string> scan_author_labels(std::string_view text, const NameLexicon& lexicon) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view label = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (label != "Author(s):" && label != "Authors:" && label != "Author:") continue;
    // The block under the label: blank lines, then one name a line up to the
    // next blank line.
    bool started = false;
    for (int read = 0; read < kMaxAuthorLines && pos < text.size(); ++read) {
      const size_t line_nl = text.find('\n', pos);
      const size_t line_end = line_nl == std::string_view::npos ? text.size() : line_nl;
      const std::string_view line = trim(text.substr(pos, line_end - pos));
      if (line.empty() && started) break;
      pos = line_end + 1;
      if (line.empty()) continue;
      started = true;
      if (const auto name = as_personal_name(line, lexicon)) out.push_back(*name);
    }
  }
  return out;
}

}  // namespace opis::contributors
