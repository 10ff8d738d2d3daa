// Opening a PDF with poppler and taking out what a record needs: each
// page's text and label, the Info dictionary, the language.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opis::pdf {

enum class TextLayout {
  reading,   // poppler's reading order: columns and blocks, as pdftotext
  raw,       // the order of the content stream
  physical,  // the page's layout imitated with spaces
};

struct PdfPage {
  std::string text;   // UTF-8, no form feeds, no trailing blank lines
  std::string label;  // the page label, or the 1-based number as text
};

struct PdfContent {
  std::vector<PdfPage> pages;
  std::string title;
  // Info dictionary entries other than Title, in a fixed order, when set.
  std::vector<std::pair<std::string, std::string>> info;
  std::string language;
  // What poppler complained about while reading a file it could still read
  // (a rebuilt cross-reference table, a damaged stream).
  std::vector<std::string> reader_errors;
};

// Throws opis::sdk::InputError for an empty, encrypted or unreadable PDF.
// A PDF without any text is returned as it is: whether that is an error is
// the caller's decision.
PdfContent read_pdf(std::string_view bytes, TextLayout layout);

}  // namespace opis::pdf
