#include "pdf_strings.hpp"

#include <array>
#include <cstdint>
#include <opis/utf8.hpp>

namespace opis::pdf {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_high_surrogate(char32_t u) {
  return u >= 0xD800 && u <= 0xDBFF;
}
bool is_low_surrogate(char32_t u) {
  return u >= 0xDC00 && u <= 0xDFFF;
}

// Calls `sink` with every code point of a UTF-16 string.
template <class Sink>
void each_code_point(const poppler::ustring& text, Sink&& sink) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t unit = text[i];
    if (is_high_surrogate(unit) && i + 1 < text.size() && is_low_surrogate(text[i + 1])) {
      sink(0x10000 + ((unit - 0xD800) << 10) + (char32_t{text[i + 1]} - 0xDC00));
      ++i;
    } else if (is_high_surrogate(unit) || is_low_surrogate(unit)) {
      sink(kReplacement);
    } else {
      sink(unit);
    }
  }
}

bool is_dropped_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFEFF;
}

// PDFDocEncoding where it differs from Latin-1 (PDF 32000-1, annex D.2);
// 0xA0 (the euro sign there, a no-break space in Latin-1) is left alone
// because poppler gives the same code unit for a real U+00A0.
char32_t from_pdf_doc_encoding(char32_t c) {
  static constexpr std::array<char16_t, 8> kLow = {0x02D8, 0x02C7, 0x02C6, 0x02D9,
                                                   0x02DD, 0x02DB, 0x02DA, 0x02DC};
  static constexpr std::array<char16_t, 32> kHigh = {
      0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
      0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
      0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD};
  if (c >= 0x18 && c <= 0x1F) return kLow[c - 0x18];
  if (c >= 0x80 && c <= 0x9F) return kHigh[c - 0x80];
  return c;
}

bool is_utf8_marked_bytes(const poppler::ustring& text) {
  if (text.size() < 3 || text[0] != 0xEF || text[1] != 0xBB || text[2] != 0xBF) return false;
  for (const auto unit : text) {
    if (unit > 0xFF) return false;
  }
  return true;
}

std::string trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

}  // namespace

std::string page_text_to_utf8(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  each_code_point(text, [&](char32_t c) {
    if (!is_dropped_control(c)) append_utf8(out, c);
  });
  return out;
}

std::string info_string_to_utf8(const poppler::ustring& text) {
  if (is_utf8_marked_bytes(text)) {
    std::string bytes;
    for (size_t i = 3; i < text.size(); ++i) bytes += static_cast<char>(text[i]);
    if (opis::sdk::is_valid_utf8(bytes)) {
      std::string clean;
      for (const char c : bytes) {
        if (!is_dropped_control(static_cast<unsigned char>(c))) clean += c;
      }
      return trimmed(clean);
    }
  }
  std::string out;
  each_code_point(text, [&](char32_t c) {
    c = from_pdf_doc_encoding(c);
    if (!is_dropped_control(c)) append_utf8(out, c);
  });
  return trimmed(out);
}

}  // namespace opis::pdf
