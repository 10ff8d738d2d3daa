#include "newspaper_citation.hpp"

#include "issue_date.hpp"
#include "text_scan.hpp"

namespace opis::citations {
namespace {

// "p. 3", "pp. 2-3", "S. 1" after the date.
size_t page_end(std::string_view text, size_t pos, std::string& pages) {
  for (const std::string_view label : {"pp.", "p.", "P.", "S."}) {
    if (!starts_with_at(text, pos, label)) continue;
    const size_t value = skip_space(text, pos + label.size(), 0);
    size_t end = value;
    while (end < text.size() && (is_digit(text[end]) || (text[end] == '-' && end > value))) ++end;
    while (end > value && text[end - 1] == '-') --end;
    if (end == value) return std::string_view::npos;
    pages = std::string(text.substr(value, end - value));
    return end;
  }
  return std::string_view::npos;
}

// Title at `pos` (already matched), then ", " or " (", the date, optional
// pages, and the closing parenthesis when one was opened.
std::optional<NewspaperCitation> reference_at(std::string_view text, size_t pos,
                                              const NewspaperTitle& title, bool need_date) {
  NewspaperCitation citation;
  citation.publication = title.title;
  citation.begin = pos;
  citation.end = pos + title.spelling.size();

  size_t next = skip_space(text, citation.end, 0);
  const bool parenthesis = next < text.size() && text[next] == '(';
  const bool comma = next < text.size() && text[next] == ',';
  if (parenthesis || comma) {
    const size_t date_pos = skip_space(text, next + 1, 1);
    if (const auto date = parse_issue_date(text, date_pos)) {
      citation.date = date->edtf;
      citation.end = date_pos + date->length;
      const size_t after = skip_space(text, citation.end, 0);
      if (after < text.size() && text[after] == ',') {
        std::string pages;
        const size_t end = page_end(text, skip_space(text, after + 1, 1), pages);
        if (end != std::string_view::npos) {
          citation.pages = pages;
          citation.end = end;
        }
      }
      if (parenthesis) {
        const size_t close = skip_space(text, citation.end, 0);
        if (close < text.size() && text[close] == ')') citation.end = close + 1;
      }
    }
  }
  if (need_date && citation.date.empty()) return std::nullopt;
  return citation;
}

}  // namespace

std::optional<NewspaperCitation> find_newspaper(std::string_view text, size_t pos,
                                                const NewspaperTable& newspapers) {
  for (size_t i = newspapers.next_possible_start(text, pos); i < text.size();
       i = newspapers.next_possible_start(text, i + 1)) {
    if (!newspapers.may_start_at(text, i)) continue;
    if (!word_starts_at(text, i)) continue;
    const NewspaperTitle* title = newspapers.match_at(text, i);
    if (title == nullptr) continue;
    if (auto citation = reference_at(text, i, *title, true)) return citation;
  }
  return std::nullopt;
}

std::optional<NewspaperCitation> leading_newspaper(std::string_view raw,
                                                   const NewspaperTable& newspapers) {
  const size_t begin = skip_space(raw, 0, 2);
  if (begin >= raw.size()) return std::nullopt;
  const NewspaperTitle* title = newspapers.match_at(raw, begin);
  if (title == nullptr) return std::nullopt;
  // The title must be the whole head of the reference, not the start of a
  // longer name ("Pravda Publishing House, …").
  const size_t after = skip_space(raw, begin + title->spelling.size(), 0);
  if (after < raw.size() && raw[after] != ',' && raw[after] != '(' && raw[after] != '.' &&
      raw[after] != ';') {
    return std::nullopt;
  }
  return reference_at(raw, begin, *title, false);
}

}  // namespace opis::citations
