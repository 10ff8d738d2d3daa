// Byte-level text checks shared by the host API and the pipeline.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace opis::core {

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or nullopt
// when `text` is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) {
  return !first_invalid_utf8(text);
}

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace opis::core
