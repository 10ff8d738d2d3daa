#include "inline_markup.hpp"

#include <algorithm>

#include "xml_text.hpp"

namespace opis::tei {
namespace {

struct Range {
  size_t begin;
  size_t end;
};

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Each paragraph's range: from the start of its first non-blank line to the
// end of its last one (without the line break).
std::vector<Range> paragraph_ranges(std::string_view text) {
  std::vector<Range> paragraphs;
  size_t line_start = 0;
  bool open = false;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (blank(line)) {
      open = false;
    } else {
      size_t content_end = line_end;
      if (content_end > line_start && text[content_end - 1] == '\r') --content_end;
      if (open) {
        paragraphs.back().end = content_end;
      } else {
        paragraphs.push_back({line_start, content_end});
        open = true;
      }
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  return paragraphs;
}

bool on_character_boundary(std::string_view text, size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Escaped text with each line break inside the paragraph kept and marked.
void append_text(std::string& out, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      xml::append_escaped(out, text.substr(start), xml::Escape::content);
      return;
    }
    size_t line_end = newline;
    if (line_end > start && text[line_end - 1] == '\r') --line_end;
    xml::append_escaped(out, text.substr(start, line_end - start), xml::Escape::content);
    out += "<lb/>\n";
    start = newline + 1;
  }
}

}  // namespace

MarkedUpText paragraphs_with_markup(std::string_view text, std::vector<InlineSpan> spans,
                                    std::string_view indent) {
  MarkedUpText result;
  std::stable_sort(spans.begin(), spans.end(), [](const InlineSpan& a, const InlineSpan& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.rank < b.rank;
  });
  const std::vector<Range> paragraphs = paragraph_ranges(text);
  size_t next_span = 0;
  // Spans that start before a paragraph (in the blank lines between two)
  // belong to none.
  const auto skip_spans_before = [&](size_t offset) {
    while (next_span < spans.size() && spans[next_span].begin < offset) {
      ++result.skipped;
      ++next_span;
    }
  };
  for (const Range& paragraph : paragraphs) {
    skip_spans_before(paragraph.begin);
    result.xml += indent;
    result.xml += "<p>";
    size_t cursor = paragraph.begin;
    std::vector<const InlineSpan*> open;
    const auto close_innermost = [&] {
      const InlineSpan* span = open.back();
      append_text(result.xml, text.substr(cursor, span->end - cursor));
      cursor = span->end;
      result.xml += span->end_tag;
      open.pop_back();
    };
    for (; next_span < spans.size() && spans[next_span].begin < paragraph.end; ++next_span) {
      const InlineSpan& span = spans[next_span];
      if (span.end <= span.begin || span.end > paragraph.end ||
          !on_character_boundary(text, span.begin) || !on_character_boundary(text, span.end)) {
        ++result.skipped;
        continue;
      }
      while (!open.empty() && span.begin >= open.back()->end) close_innermost();
      if (!open.empty() && span.end > open.back()->end) {
        ++result.skipped;  // overlaps the open element without nesting in it
        continue;
      }
      append_text(result.xml, text.substr(cursor, span.begin - cursor));
      cursor = span.begin;
      result.xml += span.start_tag;
      open.push_back(&span);
    }
    while (!open.empty()) close_innermost();
    append_text(result.xml, text.substr(cursor, paragraph.end - cursor));
    result.xml += "</p>\n";
  }
  result.skipped += spans.size() - next_span;
  return result;
}

}  // namespace opis::tei
