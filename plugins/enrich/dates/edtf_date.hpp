// A calendar value at the precision the text gives it, written as EDTF
// (Library of Congress Extended Date/Time Format, levels 0 and 1).
#pragma once

#include <string>

namespace opis::dates {

struct EdtfDate {
  int year = 0;         // 0: unknown
  int month = 0;        // 1-12, 0: not given
  int day = 0;          // 1-31, 0: not given
  int season = 0;       // EDTF level 1 season code 21-24 (spring, summer, autumn, winter)
  bool decade = false;  // "1950s": the year's last digit is unspecified ("195X")

  bool has_year() const { return year != 0; }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Whether the day exists in that month and year (a date without a day is valid).
bool is_calendar_date(const EdtfDate& date);

// "1962", "1962-01", "1962-01-03", "1956-22", "195X".
std::string to_edtf(const EdtfDate& date);

// -1, 0, 1 comparing the earliest day each value can mean; seasons compare as
// their year. Both values must have a year.
int compare_start(const EdtfDate& a, const EdtfDate& b);

// The document's date from an EDTF string ("1962-01-03", "1962-01", "1962",
// or the start of an interval); year 0 when it does not start with a year.
EdtfDate parse_edtf_start(const std::string& edtf);

}  // namespace opis::dates
