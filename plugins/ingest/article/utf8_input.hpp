// The document's bytes as the parser expects them: UTF-8 with LF line ends.
#pragma once

#include <string>
#include <string_view>

namespace opis::article {

// Strips a UTF-8 byte-order mark and turns CRLF and CR into LF. Throws
// opis::sdk::InputError naming the reason for empty, binary, oversized or
// invalid UTF-8 input.
std::string normalized_text(std::string_view content);

}  // namespace opis::article
