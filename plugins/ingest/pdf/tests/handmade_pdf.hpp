// Small PDFs written as text by the tests, with a correct cross-reference
// table, so no binary fixture is committed.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace opis::pdf::test {

class HandmadePdf {
 public:
  // Adds an indirect object (its body, without "N 0 obj") and returns its
  // number.
  int add(const std::string& body) {
    objects_.push_back(body);
    return static_cast<int>(objects_.size());
  }
  // Adds a stream object with a correct /Length; `extra` goes into its
  // dictionary.
  int add_stream(const std::string& data, const std::string& extra = "") {
    return add("<< /Length " + std::to_string(data.size()) + extra + " >>\nstream\n" + data +
               "\nendstream");
  }
  // Entries for the trailer besides /Size (e.g. "/Root 1 0 R /Info 5 0 R").
  std::string bytes(const std::string& trailer) const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (const size_t offset : offsets) {
      char entry[21];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
      out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " " + trailer +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

// A document whose pages hold the given content streams, set in Helvetica
// (WinAnsiEncoding). `catalog_extra` and `info` (an Info dictionary body,
// none when empty) go where their names say.
inline std::string pdf_with_pages(const std::vector<std::string>& contents,
                                  const std::string& info = "",
                                  const std::string& catalog_extra = "") {
  // Objects 1-3 are the catalog, the page tree and the font; page i's
  // content stream and page object follow as 4 + 2i and 5 + 2i.
  std::string kids;
  for (size_t i = 0; i < contents.size(); ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  HandmadePdf pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R" + catalog_extra + " >>");
  pdf.add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
  pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (const auto& content : contents) {
    const int stream = pdf.add_stream(content);
    pdf.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 "
        "R >> >> /Contents " +
        std::to_string(stream) + " 0 R >>");
  }
  std::string trailer = "/Root 1 0 R";
  if (!info.empty()) trailer += " /Info " + std::to_string(pdf.add(info)) + " 0 R";
  return pdf.bytes(trailer);
}

// A content stream showing `text` (a PDF string body, escapes allowed) at
// the given position.
inline std::string show_text(const std::string& text, int x = 72, int y = 720) {
  return "BT /F1 12 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + text + ") Tj ET";
}

}  // namespace opis::pdf::test
