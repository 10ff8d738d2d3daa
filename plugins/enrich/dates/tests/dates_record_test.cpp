// enrich/dates: what the plugin writes into a record (date.edtf, dates[],
// annotations, warnings), its config, and hostile input. Run by the SDK's
// harness (opis/testing.hpp), as a third party's plugin test would be: this
// executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>
#include <string_view>

namespace {

using opis::testing::Failure;
using opis::testing::Harness;
using opis::testing::Record;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Enriches a record with `text` (and a date line in date.surface when given).
Record enrich(std::string_view text, std::string_view date_surface = {},
              std::string_view config = "{}") {
  Harness plugin(OPIS_PLUGIN_FILE, config);
  auto record = Record::with_text(text);
  if (!date_surface.empty()) record.set(OPIS_FIELD_DATE_SURFACE, date_surface);
  plugin.enrich(record);
  return record;
}

std::string warnings_of(const Record& record) {
  std::string all;
  for (const auto w : record.warnings()) all += std::string(w) + "\n";
  return all;
}

TEST(Dates, DocumentDateIsReadFromDateLine) {
  const auto record = enrich("no dates here", "January 3, 1962");
  EXPECT_EQ(record.date_edtf(), "1962-01-03");
  EXPECT_EQ(record.date_surface(), "January 3, 1962");
}

TEST(Dates, DocumentDateAcceptsBareYearAndMonthYear) {
  EXPECT_EQ(enrich("", "1962").date_edtf(), "1962");
  EXPECT_EQ(enrich("", "June 1960").date_edtf(), "1960-06");
  EXPECT_EQ(enrich("", "27 November till 1 December 1961").date_edtf(), "1961-11-27/1961-12-01");
}

TEST(Dates, ExistingDocumentDateIsKept) {
  Harness plugin(OPIS_PLUGIN_FILE);
  auto record = Record::with_text("On 12 March I was received");
  record.set(OPIS_FIELD_DATE_EDTF, "1957-03-14");
  record.set(OPIS_FIELD_DATE_SURFACE, "something else 1999");
  plugin.enrich(record);
  EXPECT_EQ(record.date_edtf(), "1957-03-14");
  const auto dates = record.dates();
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].edtf, "1957-03-12");
}

TEST(Dates, UnreadableDateLineLeavesDateEmptyWithWarning) {
  const auto record = enrich("text", "undated");
  EXPECT_EQ(record.date_edtf(), "");
  EXPECT_THAT(warnings_of(record), HasSubstr("no date found in the date line \"undated\""));
}

TEST(Dates, SetDocumentDateOffLeavesDateEdtfAlone) {
  const auto record =
      enrich("until 30 June of this year", "March 14, 1957", R"({"set_document_date": false})");
  EXPECT_EQ(record.date_edtf(), "");
  // The date line still gives the document's year.
  const auto dates = record.dates();
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].edtf, "1957-06-30");
}

TEST(Dates, ExtractTextDatesOffFindsOnlyTheDocumentDate) {
  const auto record =
      enrich("On 3 January 1962", "January 3, 1962", R"({"extract_text_dates": false})");
  EXPECT_EQ(record.date_edtf(), "1962-01-03");
  EXPECT_EQ(record.count(OPIS_LIST_DATES), 0u);
  EXPECT_EQ(record.count(OPIS_LIST_ANNOTATIONS), 0u);
}

TEST(Dates, OffsetsAreUtf8BytesAfterMultiByteText) {
  const std::string text = "“Curly” quotes — and Ágnes: on 3 January 1962.";
  const auto record = enrich(text);
  const auto dates = record.dates();
  ASSERT_EQ(dates.size(), 1u);
  const auto begin = text.find("3 January");
  EXPECT_EQ(dates[0].surface, "3 January 1962");
  EXPECT_EQ(dates[0].edtf, "1962-01-03");
  EXPECT_EQ(dates[0].begin, begin);
  EXPECT_EQ(dates[0].end, begin + 14);
  EXPECT_EQ(record.annotated("date"), std::vector<std::string_view>{"3 January 1962"});
}

TEST(Dates, EachMentionIsAlsoADateAnnotation) {
  const auto record = enrich("From 27 November till 1 December 1961 and in June 1960.");
  const auto dates = record.dates();
  const auto annotations = record.annotations();
  ASSERT_EQ(dates.size(), 2u);
  ASSERT_EQ(annotations.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(annotations[i].type, "date");
    EXPECT_EQ(annotations[i].value, dates[i].edtf);
    EXPECT_EQ(annotations[i].begin, dates[i].begin);
    EXPECT_EQ(annotations[i].end, dates[i].end);
    EXPECT_EQ(annotations[i].plugin, "dates");
  }
  EXPECT_THAT(record.to_json(), HasSubstr(R"("dates":[{"surface":"27 November till 1 December)"
                                          R"( 1961","edtf":"1961-11-27/1961-12-01","begin":5,)"));
}

TEST(Dates, RunningTwiceDoesNotDuplicate) {
  Harness plugin(OPIS_PLUGIN_FILE);
  auto record = Record::with_text("On 3 January 1962 and 4 January 1962");
  opis::sdk::Annotation page;
  page.type = "page";
  record.add(page);
  plugin.enrich(record);
  plugin.enrich(record);
  EXPECT_EQ(record.count(OPIS_LIST_DATES), 2u);
  EXPECT_EQ(record.count(OPIS_LIST_ANNOTATIONS), 3u);
}

TEST(Dates, UnknownConfigKeyIsRefused) {
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"colour": 1})"), Failure);
  EXPECT_THROW(Harness(OPIS_PLUGIN_FILE, R"({"numeric_order": "ymd"})"), Failure);
}

TEST(Dates, MinYearAboveMaxYearIsRefused) {
  try {
    Harness(OPIS_PLUGIN_FILE, R"({"min_year": 2000, "max_year": 1900})");
    FAIL() << "expected a config error";
  } catch (const Failure& e) {
    EXPECT_EQ(e.status(), OPIS_INVALID_CONFIG);
    EXPECT_THAT(std::string(e.what()), HasSubstr("min_year"));
  }
}

TEST(Dates, EmptyTextIsFine) {
  EXPECT_EQ(enrich("").count(OPIS_LIST_DATES), 0u);
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
  const auto record = enrich(huge);  // kept: dates() are views into it
  const auto dates = record.dates();
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].surface, "3 January 1962");
  EXPECT_EQ(dates[0].begin, 300'001u);
}

TEST(Dates, DateSplitByLongLineStillFoundAcrossChunks) {
  // Dates on both sides of a 64 KiB chunk boundary are found once each.
  std::string text;
  size_t lines = 0;
  for (; text.size() < 200'000; ++lines) text += "On 3 January 1962 the delegation met again.\n";
  const auto record = enrich(text);
  const auto dates = record.dates();
  EXPECT_EQ(dates.size(), lines);
  for (const auto& d : dates) ASSERT_EQ(d.edtf, "1962-01-03");
  EXPECT_THAT(record.warnings(), IsEmpty());
}

}  // namespace
