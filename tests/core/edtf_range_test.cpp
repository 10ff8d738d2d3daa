// opis/edtf_range.hpp: the days an EDTF date covers, which the sqlite output
// stores and the search compares.
#include <gtest/gtest.h>

#include <opis/edtf_range.hpp>
#include <string>

namespace {

std::string range(const std::string& edtf) {
  const auto r = opis::sdk::edtf_range(edtf);
  return r ? r->first + ".." + r->last : "none";
}

TEST(EdtfRange, Level0DatesCoverTheirDaysMonthsAndYears) {
  EXPECT_EQ(range("1956-08-30"), "1956-08-30..1956-08-30");
  EXPECT_EQ(range("1960-06"), "1960-06-01..1960-06-30");
  EXPECT_EQ(range("1960-02"), "1960-02-01..1960-02-29");  // leap year
  EXPECT_EQ(range("1961-02"), "1961-02-01..1961-02-28");
  EXPECT_EQ(range("1961"), "1961-01-01..1961-12-31");
  EXPECT_EQ(range("1961-11-27T10:00:00Z"), "1961-11-27..1961-11-27");
}

TEST(EdtfRange, IntervalsRunFromTheFirstDayOfOneToTheLastOfTheOther) {
  EXPECT_EQ(range("1961-11-27/1961-12-01"), "1961-11-27..1961-12-01");
  EXPECT_EQ(range("1960-11/1960-12"), "1960-11-01..1960-12-31");
  EXPECT_EQ(range("1950/1953"), "1950-01-01..1953-12-31");
  EXPECT_EQ(range("../1953"), "0000-01-01..1953-12-31");
  EXPECT_EQ(range("1953/.."), "1953-01-01..9999-12-31");
  EXPECT_EQ(range("1953/"), "1953-01-01..9999-12-31");
  EXPECT_EQ(range("1962/1961"), "none");  // ends before it starts
}

TEST(EdtfRange, Level1QualifiersSeasonsAndUnspecifiedDigits) {
  EXPECT_EQ(range("1957-06-30?"), "1957-06-30..1957-06-30");
  EXPECT_EQ(range("1957~"), "1957-01-01..1957-12-31");
  EXPECT_EQ(range("1956-21"), "1956-03-01..1956-05-31");
  EXPECT_EQ(range("1956-22"), "1956-06-01..1956-08-31");
  EXPECT_EQ(range("1956-23"), "1956-09-01..1956-11-30");
  EXPECT_EQ(range("1955-24"), "1955-12-01..1956-02-29");  // winter runs into 1956
  EXPECT_EQ(range("196X"), "1960-01-01..1969-12-31");
  EXPECT_EQ(range("1961-XX"), "1961-01-01..1961-12-31");
  EXPECT_EQ(range("1961-11-XX"), "1961-11-01..1961-11-30");
}

TEST(EdtfRange, Level2SetsSpanTheirMembers) {
  EXPECT_EQ(range("[1667,1668,1670..1672]"), "1667-01-01..1672-12-31");
  EXPECT_EQ(range("{1960-06,1956-22}"), "1956-06-01..1960-06-30");
  EXPECT_EQ(range("[1667,1668"), "none");
}

TEST(EdtfRange, AnythingElseHasNoRange) {
  for (const char* bad : {"", "  ", "June 1960", "1961-13", "1961-02-30", "61", "1961-1-2", "-0100",
                          "Y170000", "1961-25", "1961--01"}) {
    EXPECT_EQ(range(bad), "none") << bad;
  }
}

}  // namespace
