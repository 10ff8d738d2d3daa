#include "page_shape.hpp"

#include "date_line.hpp"
#include "document_information.hpp"
#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// A listing announces itself in its first lines.
constexpr size_t kListingHeaderLines = 12;
// Listings repeat date / title / summary; a record page has one date line at
// the top and perhaps one or two in its body.
constexpr size_t kDateLinesScanned = 80;
constexpr int kListingDateLines = 3;
constexpr size_t kMaxLinesBeforeDate = 6;

bool has_digit(std::string_view text) {
  for (const char c : text) {
    if (is_digit(c)) return true;
  }
  return false;
}

// "Results:", "Results: 1 - 10 of 11", "Showing 1–5 of 5 results", "1 - 10 of 11".
bool is_result_count(std::string_view line) {
  if (starts_with_word(line, "Results")) return true;
  const bool counts = find_phrase(line, " of ") != kNoMatch && has_digit(line);
  return counts && (starts_with_word(line, "Showing") || is_digit(line.front()));
}

template <class Visit>
void for_each_line(std::string_view content, Visit&& visit) {
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = trim(content.substr(start, end - start));
    if (!line.empty() && !visit(line)) return;
    start = end + 1;
  }
}

}  // namespace

PageShape page_shape(std::string_view content, const Vocabulary& vocabulary) {
  size_t line_number = 0;
  int date_lines = 0;
  bool result_count = false;
  bool date_then_title = false;
  bool section = false;
  bool record_label = false;
  size_t first_date_line = kNoMatch;

  for_each_line(content, [&](std::string_view line) {
    ++line_number;
    if (line_number <= kListingHeaderLines && is_result_count(line)) result_count = true;
    if (line_number <= kDateLinesScanned && is_date_line(line)) {
      ++date_lines;
      if (first_date_line == kNoMatch) first_date_line = line_number;
    }
    if (first_date_line != kNoMatch && first_date_line <= kMaxLinesBeforeDate &&
        line_number == first_date_line + 1 && !is_date_line(line)) {
      date_then_title = true;
    }
    // Headings and labels are short lines; skip the body's prose quickly.
    if (line.size() <= 64) {
      const Paragraph paragraph{{line}};
      if (is_section_heading(paragraph, vocabulary)) section = true;
      const auto label = label_of(paragraph, vocabulary);
      if (label && label->listed && label->label.role == LabelRole::metadata &&
          !label->label.metadata_name.empty()) {
        record_label = true;
      }
    }
    return true;
  });

  if (result_count) return PageShape::listing;
  if (!section && date_lines >= kListingDateLines) return PageShape::listing;
  if (section) return PageShape::record_page;
  if (record_label) return date_then_title ? PageShape::record_page : PageShape::labels_only;
  return PageShape::other;
}

}  // namespace opis::archive_record
