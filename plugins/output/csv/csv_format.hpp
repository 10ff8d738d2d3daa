// RFC 4180 fields and records: a field holding a comma, a double quote, CR
// or LF is enclosed in double quotes with its quotes doubled; records end
// with CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::csv {

inline void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

inline std::string format_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace opis::csv
