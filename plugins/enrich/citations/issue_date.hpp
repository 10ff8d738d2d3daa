// The date of a cited newspaper issue, in the few shapes citations use:
// "19 April 1964", "19 Apr. 1964", "April 19, 1964", "April 1964",
// "12.03.1957", "12.III.1957", "1964-04-19". Anything else is not a date
// here (the `dates` enricher handles dates in running text).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opis::citations {

struct IssueDate {
  std::string edtf;   // "1964-04-19", or "1964-04" without a day
  size_t length = 0;  // bytes of `text` the date took, from `pos`
};

std::optional<IssueDate> parse_issue_date(std::string_view text, size_t pos);

}  // namespace opis::citations
