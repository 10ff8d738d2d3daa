// Turning a document's bytes into UTF-8 text: BOMs, UTF-16/32, legacy 8-bit
// charsets (detected with ICU's charset detector), and clear refusals for
// binary data and damaged UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace opis::text {

struct DecodeOptions {
  std::string encoding = "auto";  // "auto" or an ICU converter name
  bool replace_invalid = false;   // U+FFFD instead of refusing
  int min_confidence = 10;        // ICU detector confidence (0..100)
};

struct Decoded {
  std::string text;     // UTF-8, CRLF and CR turned into LF
  std::string charset;  // what it was decoded from
  std::string note;     // why, when it was not plain UTF-8
};

// Throws opis::sdk::ConfigError when ICU has no converter for a configured
// encoding, so a typo fails the pipeline at start, not every document.
void check_options(const DecodeOptions& options);

// True when `bytes` starts with a UTF-8, UTF-16 or UTF-32 byte order mark.
bool has_byte_order_mark(std::string_view bytes);

// Throws opis::sdk::InputError naming the problem and the byte offset in
// `bytes` (BOM included).
Decoded decode_text(std::string_view bytes, const DecodeOptions& options);

}  // namespace opis::text
