// enrich/dates: what the plugin writes into a record (date.edtf, dates[],
// annotations, warnings), its config, and hostile input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dates_test_support.hpp"

namespace {

using nlohmann::json;
using opis::dates::test::dates_of;
using opis::dates::test::enrich;
using opis::dates::test::FoundDate;
using opis::dates::test::warnings_of;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(Dates, DocumentDateIsReadFromDateLine) {
  const auto record = enrich("no dates here", "January 3, 1962");
  EXPECT_EQ(record.date().edtf(), "1962-01-03");
  EXPECT_EQ(record.date().surface(), "January 3, 1962");
}

TEST(Dates, DocumentDateAcceptsBareYearAndMonthYear) {
  EXPECT_EQ(enrich("", "1962").date().edtf(), "1962");
  EXPECT_EQ(enrich("", "June 1960").date().edtf(), "1960-06");
  EXPECT_EQ(enrich("", "27 November till 1 December 1961").date().edtf(), "1961-11-27/1961-12-01");
}

TEST(Dates, ExistingDocumentDateIsKept) {
  auto plugin = opis::test::PluginHarness::builtin("enrich", "dates");
  auto record = opis::test::make_record("On 12 March I was received");
  record->message.mutable_date()->set_edtf("1957-03-14");
  record->message.mutable_date()->set_surface("something else 1999");
  ASSERT_TRUE(plugin.enrich(*record).ok());
  EXPECT_EQ(record->message.date().edtf(), "1957-03-14");
  ASSERT_EQ(record->message.dates_size(), 1);
  EXPECT_EQ(record->message.dates(0).edtf(), "1957-03-12");
}

TEST(Dates, UnreadableDateLineLeavesDateEmptyWithWarning) {
  const auto record = enrich("text", "undated");
  EXPECT_EQ(record.date().edtf(), "");
  EXPECT_THAT(warnings_of(record), HasSubstr("no date found in the date line \"undated\""));
}

TEST(Dates, SetDocumentDateOffLeavesDateEdtfAlone) {
  const auto record =
      enrich("until 30 June of this year", "March 14, 1957", json{{"set_document_date", false}});
  EXPECT_EQ(record.date().edtf(), "");
  // The date line still gives the document's year.
  ASSERT_EQ(record.dates_size(), 1);
  EXPECT_EQ(record.dates(0).edtf(), "1957-06-30");
}

TEST(Dates, ExtractTextDatesOffFindsOnlyTheDocumentDate) {
  const auto record =
      enrich("On 3 January 1962", "January 3, 1962", json{{"extract_text_dates", false}});
  EXPECT_EQ(record.date().edtf(), "1962-01-03");
  EXPECT_EQ(record.dates_size(), 0);
  EXPECT_EQ(record.annotations_size(), 0);
}

TEST(Dates, OffsetsAreUtf8BytesAfterMultiByteText) {
  const std::string text = "“Curly” quotes — and Ágnes: on 3 January 1962.";
  const auto record = enrich(text);
  const auto dates = dates_of(record);
  ASSERT_EQ(dates.size(), 1u);
  const auto begin = text.find("3 January");
  EXPECT_EQ(dates[0], (FoundDate{"3 January 1962", "1962-01-03", static_cast<uint32_t>(begin),
                                 static_cast<uint32_t>(begin + 14)}));
  EXPECT_EQ(text.substr(dates[0].begin, dates[0].end - dates[0].begin), "3 January 1962");
}

TEST(Dates, EachMentionIsAlsoADateAnnotation) {
  const auto record = enrich("From 27 November till 1 December 1961 and in June 1960.");
  ASSERT_EQ(record.dates_size(), 2);
  ASSERT_EQ(record.annotations_size(), 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(record.annotations(i).type(), "date");
    EXPECT_EQ(record.annotations(i).value(), record.dates(i).edtf());
    EXPECT_EQ(record.annotations(i).begin(), record.dates(i).begin());
    EXPECT_EQ(record.annotations(i).end(), record.dates(i).end());
    EXPECT_EQ(record.annotations(i).plugin(), "dates");
  }
}

TEST(Dates, RunningTwiceDoesNotDuplicate) {
  auto plugin = opis::test::PluginHarness::builtin("enrich", "dates");
  auto record = opis::test::make_record("On 3 January 1962 and 4 January 1962");
  auto* other = record->message.add_annotations();
  other->set_type("page");
  ASSERT_TRUE(plugin.enrich(*record).ok());
  ASSERT_TRUE(plugin.enrich(*record).ok());
  EXPECT_EQ(record->message.dates_size(), 2);
  EXPECT_EQ(record->message.annotations_size(), 3);
}

TEST(Dates, UnknownConfigKeyIsRefused) {
  EXPECT_ANY_THROW(opis::test::PluginHarness::builtin("enrich", "dates", json{{"colour", 1}}));
  EXPECT_ANY_THROW(
      opis::test::PluginHarness::builtin("enrich", "dates", json{{"numeric_order", "ymd"}}));
}

TEST(Dates, MinYearAboveMaxYearIsRefused) {
  try {
    opis::test::PluginHarness::builtin("enrich", "dates",
                                       json{{"min_year", 2000}, {"max_year", 1900}});
    FAIL() << "expected a config error";
  } catch (const std::exception& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("min_year"));
  }
}

TEST(Dates, EmptyTextIsFine) {
  const auto record = enrich("");
  EXPECT_EQ(record.dates_size(), 0);
}

TEST(Dates, HostileInputDoesNotCrash) {
  std::string huge(300'000, '1');  // one 300 KB number: not a date, no chunk boundary
  huge += " 3 January 1962 ";
  huge += std::string(200'000, '-');
  huge += std::string(100'000, 'x');
  for (int i = 0; i < 20'000; ++i) huge += "1-";
  huge += "\n\n";
  for (int i = 0; i < 20'000; ++i) huge += "3 and ";
  for (int i = 0; i < 20'000; ++i) huge += "between ";
  huge += "9.";
  const auto record = enrich(huge);
  ASSERT_EQ(record.dates_size(), 1);
  EXPECT_EQ(record.dates(0).surface(), "3 January 1962");
  EXPECT_EQ(record.dates(0).begin(), 300'001u);
}

TEST(Dates, DateSplitByLongLineStillFoundAcrossChunks) {
  // Dates on both sides of a 64 KiB chunk boundary are found once each.
  std::string text;
  int lines = 0;
  for (; text.size() < 200'000; ++lines) text += "On 3 January 1962 the delegation met again.\n";
  const auto record = enrich(text);
  EXPECT_EQ(record.dates_size(), lines);
  for (const auto& d : record.dates()) ASSERT_EQ(d.edtf(), "1962-01-03");
}

}  // namespace
