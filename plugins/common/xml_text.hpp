// Text made safe for XML 1.0: markup characters escaped, and every byte
// sequence that is not valid UTF-8 or encodes a character XML 1.0 forbids
// (C0 controls other than tab, line feed and carriage return; U+FFFE,
// U+FFFF) replaced by U+FFFD, so whatever a record holds, the document
// stays well-formed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opis::xml {

enum class Escape { content, attribute };

// Appends `text` to `out`. In attribute values quotes and the whitespace
// characters a parser would normalize (tab, line feed, carriage return)
// become character references; in content a carriage return does too, so
// that it survives line-end normalization.
inline void append_escaped(std::string& out, std::string_view text, Escape mode) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      switch (c) {
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '&':
          out += "&amp;";
          break;
        case '"':
          out += mode == Escape::attribute ? "&quot;" : "\"";
          break;
        case '\t':
          out += mode == Escape::attribute ? "&#9;" : "\t";
          break;
        case '\n':
          out += mode == Escape::attribute ? "&#10;" : "\n";
          break;
        case '\r':
          out += "&#13;";
          break;
        default:
          if (c < 0x20) {
            out += kReplacement;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // A multi-byte sequence: its length from the lead byte, then checks for
    // truncation, stray continuation bytes, overlong forms, surrogates and
    // values past U+10FFFF.
    size_t length = 0;
    uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    }
    bool valid = length != 0 && i + length <= size;
    for (size_t k = 1; valid && k < length; ++k) {
      const unsigned char next = bytes[i + k];
      if ((next & 0xC0) != 0x80) {
        valid = false;
      } else {
        code = (code << 6) | (next & 0x3F);
      }
    }
    if (valid) {
      valid = !(length == 3 && code < 0x800) && !(length == 4 && code < 0x10000) &&
              code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF) && code != 0xFFFE &&
              code != 0xFFFF;
    }
    if (valid) {
      out.append(text.data() + i, length);
      i += length;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

inline std::string escaped(std::string_view text, Escape mode = Escape::content) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, mode);
  return out;
}

}  // namespace opis::xml
