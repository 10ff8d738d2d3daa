#include "utf8_input.hpp"

#include <cstdint>
#include <limits>
#include <opis/sdk.hpp>
#include <opis/utf8.hpp>

namespace opis::article {
namespace {

// Offsets cross the ABI as uint32.
constexpr size_t kMaxDocumentBytes = std::numeric_limits<uint32_t>::max();
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

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
  if (const size_t bad = sdk::first_invalid_utf8(content); bad != std::string_view::npos) {
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
