#include "csv_reader.hpp"

namespace csv_catalogue {

std::vector<CsvRow> read_csv(std::string_view text, char delimiter) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  size_t line = 1;
  size_t i = 0;
  bool row_started = false;
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
  };
  const auto end_row = [&] {
    end_field();
    // A blank line is one empty field: not a row.
    if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
    row = CsvRow{};
    row_started = false;
  };
  while (i < text.size()) {
    if (!row_started) {
      row.line = line;
      row_started = true;
    }
    const char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the closing quote, "" is one quote.
      const size_t opened = line;
      ++i;
      for (;;) {
        if (i >= text.size()) throw CsvError(opened, "quoted field never closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      if (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
        throw CsvError(line, "text after a closing quote");
      }
      continue;
    }
    if (c == delimiter) {
      end_field();
      ++i;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      end_row();
      i += 2;
      ++line;
    } else if (c == '\n') {
      end_row();
      ++i;
      ++line;
    } else {
      field += c;
      ++i;
    }
  }
  if (row_started) end_row();
  return rows;
}

}  // namespace csv_catalogue
