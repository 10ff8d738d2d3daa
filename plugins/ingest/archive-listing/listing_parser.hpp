// A search-results or collection listing, read into its hits and the count
// and query it states.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boilerplate.hpp"
#include "result_count.hpp"

namespace opis::listing {

struct ListingHit {
  std::string_view date;  // as written
  std::string title;      // wrapped title lines joined with a space
  std::string summary;    // empty when the hit has none
  size_t first_line = 0;  // index among the document's non-blank lines
  size_t end_line = 0;    // one past the hit's last line
};

struct Listing {
  std::optional<ResultCount> count;
  std::string query;
  std::vector<ListingHit> hits;
  size_t longest_run = 0;         // most hits that follow each other directly
  bool has_record_block = false;  // a "Document Information" line: a record page
};

// Two layouts, mixed freely:
// - plain: a date line, then a title line, then a summary paragraph;
// - bulleted: "• <date> — <title>", then the summary on the following
//   (usually indented) line(s).
Listing parse_listing(std::string_view document, const BoilerplateList& boilerplate);

}  // namespace opis::listing
