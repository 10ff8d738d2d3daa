#include "name_table_file.hpp"

#include <fstream>
#include <opis/sdk.hpp>
#include <sstream>

#include "text_scan.hpp"

namespace opis::citations {

std::vector<TsvRow> parse_tsv(std::string_view content, std::string_view origin,
                              size_t min_columns) {
  std::vector<TsvRow> rows;
  size_t line_number = 0;
  while (!content.empty()) {
    const size_t newline = content.find('\n');
    std::string_view line = content.substr(0, newline);
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;

    TsvRow row;
    row.line = line_number;
    while (true) {
      const size_t tab = line.find('\t');
      row.columns.emplace_back(trim(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    for (size_t i = 0; i < min_columns; ++i) {
      if (i >= row.columns.size() || row.columns[i].empty()) {
        throw opis::sdk::ConfigError(std::string(origin) + ":" + std::to_string(line_number) +
                                     ": expected " + std::to_string(min_columns) +
                                     " tab-separated non-empty column(s)");
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string read_name_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw opis::sdk::ConfigError("cannot read name list '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw opis::sdk::ConfigError("error while reading name list '" + path + "'");
  return content.str();
}

std::vector<std::string> split_aliases(std::string_view column) {
  std::vector<std::string> out;
  while (true) {
    const size_t bar = column.find('|');
    const std::string_view part = trim(column.substr(0, bar));
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    column.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace opis::citations
