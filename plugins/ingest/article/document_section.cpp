#include "document_section.hpp"

#include <algorithm>

#include "structure_lines.hpp"
#include "text_blocks.hpp"
#include "text_lines.hpp"
#include "wrapped_join.hpp"

namespace opis::article {
namespace {

// A document title is a heading of a few lines; a longer first paragraph is
// the document's text and the document has no title.
constexpr size_t kMaxTitleLines = 4;
// A source block names an archive and the people who obtained and
// translated the document; more lines than this without "]" are not one.
constexpr size_t kMaxSourceLines = 6;

size_t skip_blank_lines(const std::vector<std::string_view>& lines, size_t i, size_t end) {
  while (i < end && is_blank(lines[i])) ++i;
  return i;
}

struct SourceBlock {
  std::string content;  // between "[Source:" and the closing "]"
  size_t next = 0;      // the first line after the block
  std::string_view after_bracket;
  bool closed = false;
};

// Reads "[Source: …]" from lines[start], following nested brackets
// ("[illegible]") and stopping at a blank line.
SourceBlock read_source_block(const std::vector<std::string_view>& lines, size_t start,
                              size_t end) {
  SourceBlock block;
  const size_t limit = std::min(end, start + kMaxSourceLines);
  int depth = 1;
  for (size_t i = start; i < limit && !is_blank(lines[i]); ++i) {
    std::string_view piece = lines[i];
    if (i == start) piece = piece.substr(piece.find(':') + 1);
    size_t close = std::string_view::npos;
    for (size_t k = 0; k < piece.size(); ++k) {
      if (piece[k] == '[') ++depth;
      if (piece[k] == ']' && --depth == 0) {
        close = k;
        break;
      }
    }
    if (close != std::string_view::npos) {
      append_wrapped(block.content, piece.substr(0, close));
      block.after_bracket = trim(piece.substr(close + 1));
      block.next = i + 1;
      block.closed = true;
      return block;
    }
    append_wrapped(block.content, piece);
  }
  // Unclosed (an extraction that lost the end of the block): keep the lines
  // up to the first one ending a sentence, the citation's usual end, or the
  // first line alone.
  block.content.clear();
  size_t last = start;
  for (size_t i = start; i < limit && !is_blank(lines[i]); ++i) {
    if (!trim_right(lines[i]).empty() && trim_right(lines[i]).back() == '.') {
      last = i;
      break;
    }
  }
  for (size_t i = start; i <= last; ++i) {
    std::string_view piece = lines[i];
    if (i == start) piece = piece.substr(piece.find(':') + 1);
    append_wrapped(block.content, piece);
  }
  block.next = last + 1;
  return block;
}

// Where the acquisition sentence starts: "Obtained …" or "Translated …" at
// the start of the content or of a sentence.
size_t acquisition_start(std::string_view content) {
  char last_visible = '.';  // the content's start counts as a sentence start
  for (size_t at = 0; at < content.size(); ++at) {
    const bool sentence_start = (at == 0 || is_space(content[at - 1])) && last_visible == '.';
    if (sentence_start) {
      const std::string_view rest = content.substr(at);
      if (rest.substr(0, 8) == "Obtained" || rest.substr(0, 10) == "Translated") return at;
    }
    if (!is_space(content[at])) last_visible = content[at];
  }
  return std::string_view::npos;
}

}  // namespace

SourceParts split_source(std::string_view content) {
  content = trim(content);
  SourceParts parts;
  const size_t at = acquisition_start(content);
  std::string_view citation = trim(content.substr(0, at));
  if (at != std::string_view::npos) parts.acquisition = std::string(trim(content.substr(at)));
  if (!citation.empty() && citation.back() == '.')
    citation = trim_right(citation.substr(0, citation.size() - 1));
  parts.citation = std::string(citation);
  return parts;
}

EmbeddedDocument read_document_section(const std::vector<std::string_view>& lines, size_t heading,
                                       size_t end, std::string_view number) {
  EmbeddedDocument document;
  document.number = std::string(number);
  size_t i = skip_blank_lines(lines, heading + 1, end);
  if (i < end && !is_source_start(lines[i])) {
    size_t title_end = i;
    while (title_end < end && !is_blank(lines[title_end]) && !is_source_start(lines[title_end])) {
      ++title_end;
    }
    if (title_end - i <= kMaxTitleLines) {
      document.title = join_wrapped_lines(lines, i, title_end);
      i = skip_blank_lines(lines, title_end, end);
    }
  }
  std::string leading_text;
  if (i < end && is_source_start(lines[i])) {
    const SourceBlock block = read_source_block(lines, i, end);
    SourceParts parts = split_source(block.content);
    document.citation = std::move(parts.citation);
    document.acquisition = std::move(parts.acquisition);
    if (!block.closed) {
      document.warnings.push_back("DOCUMENT No. " + document.number +
                                  ": the [Source: block has no closing ']'; it was cut after " +
                                  "its first sentence");
    }
    leading_text = std::string(block.after_bracket);
    i = block.next;
  }
  std::string body = join_block(lines, i, end);
  if (!leading_text.empty()) body = body.empty() ? leading_text : leading_text + "\n" + body;
  document.text = std::move(body);
  return document;
}

}  // namespace opis::article
