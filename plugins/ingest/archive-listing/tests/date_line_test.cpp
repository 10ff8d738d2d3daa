// ingest/archive-listing: which lines are hit dates.
#include "date_line.hpp"

#include <gtest/gtest.h>

namespace {

using opis::listing::date_precision;
using opis::listing::DatePrecision;

TEST(DateLine, MonthDayYearIsADay) {
  EXPECT_EQ(date_precision("January 3, 1962"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("June 10 1971"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("december 31, 1999"), DatePrecision::kDay);
}

TEST(DateLine, DayMonthYearIsADay) {
  EXPECT_EQ(date_precision("3 January 1962"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("3rd January 1962"), DatePrecision::kDay);
}

TEST(DateLine, AbbreviatedMonthsWithOrWithoutDot) {
  EXPECT_EQ(date_precision("Jan. 3, 1962"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("Jan 3, 1962"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("3 Sept. 1962"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("Oct 1962"), DatePrecision::kMonth);
}

TEST(DateLine, IsoDayIsADay) {
  EXPECT_EQ(date_precision("1962-01-03"), DatePrecision::kDay);
  EXPECT_EQ(date_precision("1962-13-03"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("1962-01-32"), DatePrecision::kNone);
}

TEST(DateLine, MonthYearAndBareYear) {
  EXPECT_EQ(date_precision("June 1960"), DatePrecision::kMonth);
  EXPECT_EQ(date_precision("1962"), DatePrecision::kYear);
  EXPECT_EQ(date_precision("  1962  "), DatePrecision::kYear);
}

TEST(DateLine, TextAroundADateIsNotADateLine) {
  EXPECT_EQ(date_precision("On January 3, 1962"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("January 3, 1962 report"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("1 - 10 of 11"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("Documents"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("May"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("Mayday 3, 1962"), DatePrecision::kNone);
}

TEST(DateLine, ImpossibleDaysAndYearsAreRejected) {
  EXPECT_EQ(date_precision("January 32, 1962"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("January 0, 1962"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("12345"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("962"), DatePrecision::kNone);
  EXPECT_EQ(date_precision("1962th"), DatePrecision::kNone);
}

TEST(DateLine, HostileInputIsNotADate) {
  EXPECT_EQ(date_precision(""), DatePrecision::kNone);
  EXPECT_EQ(date_precision(",,,"), DatePrecision::kNone);
  EXPECT_EQ(date_precision(std::string(100000, '1')), DatePrecision::kNone);
  EXPECT_EQ(date_precision("January 3, 1962,"), DatePrecision::kNone);
}

}  // namespace
