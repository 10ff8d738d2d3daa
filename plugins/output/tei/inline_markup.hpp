// The record's text as TEI paragraphs with elements around annotated spans.
// Spans are byte ranges of the text; elements must nest, so a span that
// crosses another one it does not contain (or a paragraph break) cannot be
// written and is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace opis::tei {

struct InlineSpan {
  uint32_t begin = 0;  // UTF-8 byte offsets into the text, end exclusive
  uint32_t end = 0;
  std::string start_tag;  // e.g. <persName key="Kim Il Sung">
  std::string end_tag;    // e.g. </persName>
  // Among spans of the same range, the one of lower rank goes outside.
  int rank = 0;
};

struct MarkedUpText {
  std::string xml;     // <p>…</p> elements, one per line, each indented by `indent`
  size_t skipped = 0;  // spans that could not be placed
};

// Paragraphs are separated by blank lines (lines holding only spaces and
// tabs); a single line break inside a paragraph is kept and marked <lb/>.
// Spans are placed in order of their start (the longer first when two start
// together); a span that lies inside the innermost open one nests in it, a
// span that starts inside it and ends after it overlaps and is skipped, as
// are empty spans, spans past the end of the text, spans whose ends cut a
// UTF-8 character, and spans that reach over a paragraph break.
MarkedUpText paragraphs_with_markup(std::string_view text, std::vector<InlineSpan> spans,
                                    std::string_view indent);

}  // namespace opis::tei
