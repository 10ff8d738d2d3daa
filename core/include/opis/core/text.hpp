// Byte-level text checks shared by the host API and the pipeline, and
// reading the files users name.
#pragma once

#include <cstddef>
#include <filesystem>
#include <opis/utf8.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace opis::core {

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or nullopt
// when `text` is valid. The SDK's check (opis/utf8.hpp), so that plugins
// that check their input with it agree with the host; inline, since the
// host checks every string of every call.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const std::size_t at = opis::sdk::first_invalid_utf8(text);
  if (at == std::string_view::npos) return std::nullopt;
  return at;
}
inline bool is_valid_utf8(std::string_view text) {
  return opis::sdk::is_valid_utf8(text);
}

// The whole of `file`; UsageError "FILE: cannot read WHAT" when it cannot be
// opened (config files, pipelines, keys: what a user named).
std::string read_whole_file(const std::filesystem::path& file, std::string_view what);

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace opis::core
