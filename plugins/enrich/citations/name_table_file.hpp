// The tab-separated name lists (data/archives.tsv, data/newspapers.tsv and
// the users' own files): one entry a line, `#` comments, blank lines skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::citations {

struct TsvRow {
  size_t line = 0;
  std::vector<std::string> columns;  // trimmed
};

// Splits `content` into rows; `origin` names the file in error messages.
// Throws opis::sdk::ConfigError for a row with fewer than `min_columns`
// non-empty leading columns.
std::vector<TsvRow> parse_tsv(std::string_view content, std::string_view origin,
                              size_t min_columns);

// The file's bytes; throws opis::sdk::ConfigError naming the path when it
// cannot be read.
std::string read_name_file(const std::string& path);

// "a|b|c" -> {"a", "b", "c"}, empty parts dropped.
std::vector<std::string> split_aliases(std::string_view column);

}  // namespace opis::citations
