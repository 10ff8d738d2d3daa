#include "utf8_input.hpp"

#include <cstdint>
#include <limits>
#include <opis/sdk.hpp>

namespace opis::article {
namespace {

// Offsets cross the ABI as uint32.
constexpr size_t kMaxDocumentBytes = std::numeric_limits<uint32_t>::max();
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The byte offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    uint32_t code = c & (0xFFu >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

std::string normalized_text(std::string_view content) {
  if (content.empty()) throw sdk::InputError("empty document (0 bytes)");
  if (content.size() > kMaxDocumentBytes) {
    throw sdk::InputError("document too large: " + std::to_string(content.size()) +
                          " bytes (at most 4 GiB)");
  }
  if (content.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    content.remove_prefix(kByteOrderMark.size());
  }
  if (const size_t nul = content.find('\0'); nul != std::string_view::npos) {
    throw sdk::InputError("binary data, not article text: NUL byte at offset " +
                          std::to_string(nul));
  }
  if (const size_t bad = invalid_utf8_at(content); bad != std::string_view::npos) {
    throw sdk::InputError("invalid UTF-8 at byte offset " + std::to_string(bad) +
                          "; the article ingester reads UTF-8 only");
  }
  if (content.find('\r') == std::string_view::npos) return std::string(content);
  std::string text;
  text.reserve(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] != '\r') {
      text += content[i];
      continue;
    }
    text += '\n';
    if (i + 1 < content.size() && content[i + 1] == '\n') ++i;
  }
  return text;
}

}  // namespace opis::article
