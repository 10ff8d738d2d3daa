// The lines of a results page that state how many hits there are and what
// was searched for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace opis::listing {

struct ResultCount {
  uint64_t total = 0;
  std::optional<uint64_t> first;  // the page's range, when stated
  std::optional<uint64_t> last;
  std::string query;    // "… results for X"
  std::string surface;  // the line(s) as written, for messages
};

// "Results: 1 - 10 of 11", "Showing 1–5 of 5 results", "1-20 of 345",
// "Results 1 to 10 of 57", "45 results", "About 1,200 results for Korea".
// The whole line must be the statement.
std::optional<ResultCount> parse_result_count(std::string_view line);

// A label that some pages put on its own line before the numbers
// ("Results:"), so the caller joins it with the next line.
bool is_result_count_label(std::string_view line);

// The searched-for text of "Keyword: Peng Dehuai", "Search: …",
// "Query: …", "You searched for: …", without surrounding quotes.
std::optional<std::string_view> parse_query_line(std::string_view line);

}  // namespace opis::listing
