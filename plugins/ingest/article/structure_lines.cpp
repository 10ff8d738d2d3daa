#include "structure_lines.hpp"

#include <array>

#include "text_lines.hpp"

namespace opis::article {
namespace {

constexpr size_t kMaxDocumentNumberDigits = 4;
constexpr size_t kMaxNoteNumberDigits = 3;
// A byline names a few people; a longer line starting with "By" is prose.
constexpr size_t kMaxBylineWords = 12;
constexpr size_t kMaxBylineBytes = 120;

std::string_view skip_spaces(std::string_view text) {
  return trim_left(text);
}

bool equals_nocase(std::string_view text, std::string_view word) {
  return text.size() == word.size() && starts_with_nocase(text, word);
}

bool is_name_connector(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kConnectors = {
      "and", "&", "van", "von", "de", "der", "da", "la", "le", "y", "del"};
  for (auto connector : kConnectors) {
    if (word == connector) return true;
  }
  return false;
}

// A word of a name: capitalized ASCII ("Worth", "F.") or starting with a
// non-ASCII letter ("Ágnes"), which is always a capital in a byline's
// context we cannot check cheaply, so it is accepted.
bool is_name_word(std::string_view word) {
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  return is_upper(word.front()) || first >= 0xC3;
}

}  // namespace

std::optional<std::string_view> document_heading_number(std::string_view line) {
  std::string_view rest = trim(line);
  if (!starts_with_nocase(rest, "document")) return std::nullopt;
  const bool uppercase = rest.substr(0, 8) == "DOCUMENT";
  const bool capitalized = rest.substr(0, 8) == "Document";
  if (!uppercase && !capitalized) return std::nullopt;
  rest.remove_prefix(8);
  const bool spaced = !rest.empty() && is_space(rest.front());
  rest = skip_spaces(rest);
  if (starts_with_nocase(rest, "no.")) {
    rest = skip_spaces(rest.substr(3));
  } else if (starts_with_nocase(rest, "no ")) {
    rest = skip_spaces(rest.substr(3));
  } else if (rest.substr(0, 4) == "N\xC2\xBA") {  // "Nº"
    rest = skip_spaces(rest.substr(3));
    if (!rest.empty() && rest.front() == '.') rest = skip_spaces(rest.substr(1));
  } else if (!rest.empty() && rest.front() == '#') {
    rest = skip_spaces(rest.substr(1));
  } else if (!spaced) {
    return std::nullopt;
  }
  const size_t digits = digits_at(rest, 0, kMaxDocumentNumberDigits);
  if (digits == 0) return std::nullopt;
  const std::string_view number = rest.substr(0, digits);
  std::string_view tail = rest.substr(digits);
  if (!tail.empty() && (tail.front() == '.' || tail.front() == ':')) tail.remove_prefix(1);
  if (!trim(tail).empty()) return std::nullopt;
  return number;
}

bool is_notes_heading(std::string_view line) {
  std::string_view word = trim(line);
  if (!word.empty() && word.back() == ':') word.remove_suffix(1);
  return equals_nocase(word, "notes") || equals_nocase(word, "endnotes");
}

std::optional<NoteStart> note_start(std::string_view line) {
  const std::string_view text = trim(line);
  const size_t digits = digits_at(text, 0, kMaxNoteNumberDigits);
  if (digits == 0 || digits + 1 >= text.size()) return std::nullopt;
  if (text[digits] != '.' && text[digits] != ')') return std::nullopt;
  if (!is_space(text[digits + 1])) return std::nullopt;
  if (text.front() == '0') return std::nullopt;
  const std::string_view rest = trim(text.substr(digits + 1));
  if (rest.empty()) return std::nullopt;
  return NoteStart{text.substr(0, digits), rest};
}

bool is_byline(std::string_view line) {
  const std::string_view text = trim(line);
  if (text.size() > kMaxBylineBytes || text.substr(0, 3) != "By ") return false;
  size_t words = 0;
  bool named = false;
  std::string_view rest = text.substr(3);
  while (!(rest = skip_spaces(rest)).empty()) {
    size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    std::string_view word = rest.substr(0, end);
    rest.remove_prefix(end);
    if (!word.empty() && word.back() == ',') word.remove_suffix(1);
    if (++words > kMaxBylineWords) return false;
    if (is_name_word(word)) {
      named = true;
    } else if (!is_name_connector(word)) {
      return false;
    }
  }
  return named;
}

bool is_source_start(std::string_view line) {
  std::string_view text = trim_left(line);
  if (!starts_with_nocase(text, "[source")) return false;
  text = skip_spaces(text.substr(7));
  return !text.empty() && text.front() == ':';
}

}  // namespace opis::article
