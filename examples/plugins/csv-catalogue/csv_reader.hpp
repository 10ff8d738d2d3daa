// RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and
// line breaks; records end with LF or CRLF.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace csv_catalogue {

// Malformed CSV, with the 1-based line where the problem starts.
class CsvError : public std::runtime_error {
 public:
  CsvError(size_t line, const std::string& what)
      : std::runtime_error("line " + std::to_string(line) + ": " + what), line_(line) {}
  size_t line() const { return line_; }

 private:
  size_t line_;
};

struct CsvRow {
  size_t line = 0;  // where the row starts
  std::vector<std::string> fields;
};

// Every row of `text`, blank lines skipped.
std::vector<CsvRow> read_csv(std::string_view text, char delimiter);

}  // namespace csv_catalogue
