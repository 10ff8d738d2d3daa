// Turning poppler's UTF-16 strings into the UTF-8 a record holds.
#pragma once

#include <poppler-global.h>

#include <string>

namespace opis::pdf {

// UTF-16 to UTF-8. A lone surrogate becomes U+FFFD, a byte order mark is
// dropped, and control characters other than tab and newline (form feeds
// between pages, NULs from broken font maps) are removed.
std::string page_text_to_utf8(const poppler::ustring& text);

// An Info dictionary string to UTF-8, trimmed. poppler decodes strings
// without a UTF-16 marker as Latin-1, but the PDF says they are in
// PDFDocEncoding (and PDF 2.0 allows UTF-8 with its own marker), so both are
// corrected here.
std::string info_string_to_utf8(const poppler::ustring& text);

}  // namespace opis::pdf
