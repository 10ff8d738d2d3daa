// Finds the dates written in a text and reads each as EDTF (levels 0 and 1):
// full dates in the common English and numeric orders, month-years, years,
// seasons, ranges, lists of days, and dates whose year comes from the
// document ("30 June of this year").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "date_tokens.hpp"
#include "edtf_date.hpp"

namespace opis::dates {

// How "3/1/1962" and "3.1.1962" are read: day first (most of the world) or
// month first (US).
enum class NumericOrder { day_month_year, month_day_year };

struct ScanOptions {
  NumericOrder numeric_order = NumericOrder::day_month_year;
  int min_year = 1800;  // plausible years: anything outside is not a year
  int max_year = 2100;
  // Give "12 March" the document's year (when the document date is known and
  // not earlier than the result).
  bool infer_year = true;
  EdtfDate document;  // the document's own date; year 0 when unknown
  // The text is a date line: a bare "1962" there is a year without a
  // preposition before it.
  bool date_line = false;
};

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

struct DateFound {
  uint32_t begin = 0;  // UTF-8 byte offsets into the scanned text, end exclusive
  uint32_t end = 0;
  std::string edtf;
  std::string warning;  // a correction made while reading it; empty when none
};

// Reusable: keeps its token buffer between calls. Not thread-safe.
class DateScanner {
 public:
  // Appends every date in `text` to `found`, in text order, never overlapping.
  void scan(std::string_view text, const ScanOptions& options, std::vector<DateFound>& found);

 private:
  void scan_region(std::string_view text, size_t begin, size_t end, const ScanOptions& options,
                   std::vector<DateFound>& found);

  std::vector<Span> windows_;
  std::vector<Token> tokens_;
};

}  // namespace opis::dates
