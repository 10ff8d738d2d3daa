// enrich/dates: which dates are found in a text and how each reads as EDTF.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dates_test_support.hpp"

namespace {

using opis::dates::test::found_in;
using Found = std::vector<std::pair<std::string, std::string>>;
using nlohmann::json;

// ---------------------------------------------------------------- full dates

TEST(Dates, MonthDayYearBecomesDay) {
  EXPECT_EQ(found_in("Signed on January 3, 1962 in Sofia."),
            (Found{{"January 3, 1962", "1962-01-03"}}));
}

TEST(Dates, AbbreviatedMonthWithPeriod) {
  EXPECT_EQ(found_in("Dated Jan. 3, 1962."), (Found{{"Jan. 3, 1962", "1962-01-03"}}));
  EXPECT_EQ(found_in("[stamp: Secretariat, 11 Feb. 1952]"),
            (Found{{"11 Feb. 1952", "1952-02-11"}}));
}

TEST(Dates, DayMonthYear) {
  EXPECT_EQ(found_in("On 3 January 1962 he left."), (Found{{"3 January 1962", "1962-01-03"}}));
}

TEST(Dates, OrdinalDayOfMonth) {
  EXPECT_EQ(found_in("the 3rd of January 1962"), (Found{{"3rd of January 1962", "1962-01-03"}}));
  EXPECT_EQ(found_in("on January 21st, 1962"), (Found{{"January 21st, 1962", "1962-01-21"}}));
}

TEST(Dates, IsoDate) {
  EXPECT_EQ(found_in("uploaded 1962-01-03."), (Found{{"1962-01-03", "1962-01-03"}}));
}

TEST(Dates, NumericDotDateIsDayFirstByDefault) {
  EXPECT_EQ(found_in("our note Nº 14 of 3.1.1962 requesting"), (Found{{"3.1.1962", "1962-01-03"}}));
}

TEST(Dates, NumericSlashDateIsDayFirstByDefault) {
  EXPECT_EQ(found_in("received 3/1/1962."), (Found{{"3/1/1962", "1962-01-03"}}));
}

TEST(Dates, NumericDateMonthFirstWhenConfigured) {
  EXPECT_EQ(found_in("received 3/1/1962.", "", json{{"numeric_order", "mdy"}}),
            (Found{{"3/1/1962", "1962-03-01"}}));
}

TEST(Dates, ImpossibleNumericDateIsRejected) {
  EXPECT_THAT(found_in("a note of 13.25.1962 and 1/13/1962"), ::testing::IsEmpty());
  EXPECT_THAT(found_in("a note of 25.13.1962", "", json{{"numeric_order", "mdy"}}),
              ::testing::IsEmpty());
}

TEST(Dates, RomanNumeralMonth) {
  EXPECT_EQ(found_in("[stamp: received 16.II.1965]"), (Found{{"16.II.1965", "1965-02-16"}}));
  EXPECT_EQ(found_in("Nº 317, 20. XII. 1962"), (Found{{"20. XII. 1962", "1962-12-20"}}));
}

// ---------------------------------------------------------------- month-year, years

TEST(Dates, MonthYearBecomesMonth) {
  EXPECT_EQ(found_in("In June 1960 we can say"), (Found{{"June 1960", "1960-06"}}));
}

TEST(Dates, MonthOfYearBecomesMonth) {
  EXPECT_EQ(found_in("it happened in June of 1960."), (Found{{"June of 1960", "1960-06"}}));
}

TEST(Dates, YearAfterPrepositionBecomesYear) {
  EXPECT_EQ(found_in("in Pyongyang in 1956.[1]"), (Found{{"1956", "1956"}}));
  EXPECT_EQ(found_in("the trade agreement for 1958."), (Found{{"1958", "1958"}}));
  EXPECT_EQ(found_in("Minister until 1953, was arrested"), (Found{{"1953", "1953"}}));
  EXPECT_THAT(found_in("prices rose to 1953 won"), ::testing::IsEmpty());
}

TEST(Dates, ParenthesizedYearBecomesYear) {
  EXPECT_EQ(found_in("Meeting of Communist Parties (1969)"), (Found{{"1969", "1969"}}));
}

TEST(Dates, BareNumbersAreNotYears) {
  EXPECT_THAT(found_in("GARF, Fond 5446, Opis 98, Delo 1959, Listy 1901-1905."),
              ::testing::IsEmpty());
  EXPECT_THAT(found_in("a print run of 1900 copies, 12000 in all, file 001147/2/1969"),
              ::testing::IsEmpty());
  EXPECT_THAT(found_in("Korea, 1969, 62. doboz, 5, page 1950"), ::testing::IsEmpty());
  EXPECT_THAT(found_in("in 1750 and in 2500"), ::testing::IsEmpty());
}

TEST(Dates, YearRangeFollowsConfiguredBounds) {
  EXPECT_EQ(found_in("in 1750.", "", json{{"min_year", 1700}}), (Found{{"1750", "1750"}}));
}

TEST(Dates, DecadeHasUnspecifiedLastDigit) {
  EXPECT_EQ(found_in("in the 1950s the party"), (Found{{"1950s", "195X"}}));
}

// ---------------------------------------------------------------- ranges

TEST(Dates, RangeWithTillBecomesEdtfInterval) {
  EXPECT_EQ(found_in("From 27 November till 1 December 1961, Pyongyang hosted"),
            (Found{{"27 November till 1 December 1961", "1961-11-27/1961-12-01"}}));
}

TEST(Dates, DayRangeWithinMonthBecomesInterval) {
  EXPECT_EQ(found_in("held between 17-31 October 1961 in the presence"),
            (Found{{"17-31 October 1961", "1961-10-17/1961-10-31"}}));
  EXPECT_EQ(found_in("held in Moscow on 5-17 June 1969."),
            (Found{{"5-17 June 1969", "1969-06-05/1969-06-17"}}));
  EXPECT_EQ(found_in("on 5–17 June 1969."), (Found{{"5–17 June 1969", "1969-06-05/1969-06-17"}}));
}

TEST(Dates, BetweenAndBecomesInterval) {
  EXPECT_EQ(found_in("between 1 June and 19 July 1956 the delegation"),
            (Found{{"between 1 June and 19 July 1956", "1956-06-01/1956-07-19"}}));
}

TEST(Dates, YearRangeBecomesInterval) {
  EXPECT_EQ(found_in("the war of 1950-1953 and"), (Found{{"1950-1953", "1950/1953"}}));
  EXPECT_EQ(found_in("Filters: 1950–1970"), (Found{{"1950–1970", "1950/1970"}}));
  EXPECT_EQ(found_in("the crisis of 1956-57"), (Found{{"1956-57", "1956/1957"}}));
}

TEST(Dates, MonthRangeBecomesInterval) {
  EXPECT_EQ(found_in("the Moscow meeting in November-December 1960."),
            (Found{{"November-December 1960", "1960-11/1960-12"}}));
}

TEST(Dates, MonthFirstDayRange) {
  EXPECT_EQ(found_in("on January 3-5, 1962 the talks"),
            (Found{{"January 3-5, 1962", "1962-01-03/1962-01-05"}}));
}

TEST(Dates, RangeAcrossNewYearStartsInPreviousYear) {
  EXPECT_EQ(found_in("from 27 December till 3 January 1962"),
            (Found{{"27 December till 3 January 1962", "1961-12-27/1962-01-03"}}));
}

TEST(Dates, TwoDaysWithAndAreTwoDates) {
  EXPECT_EQ(found_in("took place on 2 and 15 March 1969."),
            (Found{{"2", "1969-03-02"}, {"15 March 1969", "1969-03-15"}}));
}

TEST(Dates, PageRangesAreNotDateRanges) {
  EXPECT_THAT(found_in("Results: 1 - 10 of 11; Listy 69-103; p. 4-9"), ::testing::IsEmpty());
}

// ---------------------------------------------------------------- seasons

TEST(Dates, SeasonOfYearUsesLevel1Code) {
  EXPECT_EQ(found_in("since the summer of 1956, when"), (Found{{"summer of 1956", "1956-22"}}));
  EXPECT_EQ(found_in("in spring 1960"), (Found{{"spring 1960", "1960-21"}}));
  EXPECT_EQ(found_in("in the autumn of 1956."), (Found{{"autumn of 1956", "1956-23"}}));
  EXPECT_EQ(found_in("Fall 1957 and the fall of 1958"),
            (Found{{"Fall 1957", "1957-23"}, {"fall of 1958", "1958-23"}}));
}

TEST(Dates, WinterAcrossTwoYearsBecomesYearInterval) {
  EXPECT_EQ(found_in("in the winter of 1956-1957 the Korean"),
            (Found{{"winter of 1956-1957", "1956/1957"}}));
}

TEST(Dates, SeasonWithoutYearIsNotADate) {
  EXPECT_THAT(found_in("since the summer, and in the spring, prices fall 10%"),
              ::testing::IsEmpty());
}

// ---------------------------------------------------------------- context

TEST(Dates, ParenthesizedYearAfterMonth) {
  EXPECT_EQ(found_in("after the October (1964) CC Plenum the"),
            (Found{{"October (1964)", "1964-10"}}));
}

TEST(Dates, MisspelledMonthIsReadWithWarning) {
  const auto record = opis::dates::test::enrich("On 9 Junes 1969 our Ambassador");
  EXPECT_EQ(opis::dates::test::dates_of(record).at(0).edtf, "1969-06-09");
  EXPECT_THAT(
      opis::dates::test::warnings_of(record),
      ::testing::AllOf(::testing::HasSubstr("9 Junes 1969"), ::testing::HasSubstr("\"June\""),
                       ::testing::HasSubstr("1969-06-09")));
}

TEST(Dates, MisspelledMonthNeedsDayAndYear) {
  EXPECT_THAT(found_in("Junes and Marche 1969, 9 Junes"), ::testing::IsEmpty());
}

TEST(Dates, RelativeYearTakesDocumentYear) {
  EXPECT_EQ(found_in("only until 30 June of this year. After", "March 14, 1957"),
            (Found{{"30 June of this year", "1957-06-30"}}));
}

TEST(Dates, MonthOfThisYearTakesDocumentYear) {
  EXPECT_EQ(found_in("the harvest of June of this year was poor", "March 14, 1957"),
            (Found{{"June of this year", "1957-06"}}));
}

TEST(Dates, DayMonthWithoutYearTakesDocumentYear) {
  EXPECT_EQ(found_in("On 12 March I was received", "March 14, 1957"),
            (Found{{"12 March", "1957-03-12"}}));
}

TEST(Dates, DayMonthWithoutYearIsSkippedWhenInferenceIsOff) {
  EXPECT_THAT(found_in("On 12 March I was received", "March 14, 1957",
                       json{{"infer_year_from_document", false}}),
              ::testing::IsEmpty());
}

TEST(Dates, DayMonthWithoutYearIsSkippedWithoutDocumentYear) {
  EXPECT_THAT(found_in("On 12 March I was received. Until 30 June of this year."),
              ::testing::IsEmpty());
}

TEST(Dates, InferredDateAfterDocumentDateIsSkipped) {
  EXPECT_THAT(found_in("On 27 December we met.", "January 3, 1962"), ::testing::IsEmpty());
}

TEST(Dates, LastYearAloneIsNotADate) {
  EXPECT_THAT(found_in("last year's harvest and next year", "March 14, 1957"),
              ::testing::IsEmpty());
}

TEST(Dates, MonthFirstWithoutYearNeedsPreposition) {
  EXPECT_THAT(found_in("the April 19 Revolution", "April 19, 1964"), ::testing::IsEmpty());
  EXPECT_EQ(found_in("held on April 12 in Seoul", "April 19, 1964"),
            (Found{{"April 12", "1964-04-12"}}));
}

TEST(Dates, InvalidCalendarDateKeepsMonthWithWarning) {
  const auto record = opis::dates::test::enrich("on 31 June 1962 and 29 February 1957");
  EXPECT_EQ(opis::dates::test::dates_of(record).size(), 2u);
  EXPECT_EQ(record.dates(0).edtf(), "1962-06");
  EXPECT_EQ(record.dates(1).edtf(), "1957-02");
  EXPECT_THAT(opis::dates::test::warnings_of(record),
              ::testing::HasSubstr("\"31 June 1962\" is not a calendar date"));
}

TEST(Dates, LeapDayIsValidInLeapYear) {
  EXPECT_EQ(found_in("on 29 February 1956"), (Found{{"29 February 1956", "1956-02-29"}}));
}

TEST(Dates, LowerCaseMonthWordsAreVerbs) {
  EXPECT_THAT(found_in("they may 1960 march 3 1962"), ::testing::IsEmpty());
}

TEST(Dates, NoDateInsideALongerDate) {
  // "1961" alone, "October 1961" and "31 October 1961" all lie inside the range.
  EXPECT_EQ(found_in("in 17-31 October 1961").size(), 1u);
}

}  // namespace
