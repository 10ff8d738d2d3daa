// ingest/archive-listing: the records made from small listings written for
// these tests, through the real plugin binary run by the SDK's harness
// (opis/testing.hpp): this executable links neither the host nor protobuf.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "temp_files.hpp"

namespace {

using opis::testing::Harness;
using opis::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Harness listing_ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

std::vector<Record> ingest(const std::string& text, std::string_view config = "{}") {
  auto ingester = listing_ingester(config);
  auto result = ingester.try_ingest(text);
  EXPECT_TRUE(result.ok()) << result.message;
  return std::move(result.records);
}

std::string refusal(const std::string& text) {
  auto ingester = listing_ingester();
  auto result = ingester.try_ingest(text);
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT) << result.message;
  EXPECT_THAT(result.records, IsEmpty());
  return result.message;
}

// The value of metadata entry `name`, "<absent>" when there is none.
std::string meta(const Record& record, const std::string& name) {
  for (const auto& p : record.metadata()) {
    if (p.name == name) return std::string(p.value);
  }
  return "<absent>";
}

std::vector<std::string> titles(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.emplace_back(r.title());
  return out;
}

const std::string kPlain =
    "Skip to content\n\n"
    "Results:\n\n"
    "1 - 3 of 3\n\n"
    "Documents\n\n"
    "May 2, 1958\n\n"
    "Journal of the Ambassador for 2 May 1958\n\n"
    "The ambassador records a conversation about troop withdrawals.\n\n"
    "3 January 1962\n\n"
    "Report on the Party Congress Materials\n\n"
    "The embassy reports on how the materials were distributed.\n\n"
    "1962-07-08\n\n"
    "Note on Changes in the Leadership\n\n"
    "Diplomats note the disappearance of officials.\n\n"
    "Pagination\n";

const std::string kBulleted =
    "Search the Archive\n\n"
    "Keyword: Choe Chang-ik\n\n"
    "Filters: Documents \u00B7 1950\u20131970\n\n"
    "Showing 1\u20132 of 2 results\n\n"
    "\u2022 Jan. 3, 1962 \u2014 Report on the Congress\n"
    "    The embassy reports on the Congress.\n\n"
    "\u2022 June 1960 \u2013 Speech at a Reception\n"
    "    A speech thanking the specialists.\n\n"
    "Sort by: Relevance | Date\n\n"
    "Results per page: 10 | 25\n";

// ------------------------------------------------------------- layouts

TEST(ArchiveListing, PlainLayoutGivesOneEntryPerHitInOrder) {
  const auto records = ingest(kPlain);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(titles(records), ElementsAre("Journal of the Ambassador for 2 May 1958",
                                           "Report on the Party Congress Materials",
                                           "Note on Changes in the Leadership"));
  EXPECT_EQ(records[0].kind(), "listing_entry");
  EXPECT_EQ(records[0].date_surface(), "May 2, 1958");
  EXPECT_EQ(records[1].date_surface(), "3 January 1962");
  EXPECT_EQ(records[2].date_surface(), "1962-07-08");
  EXPECT_EQ(records[0].summary(), "The ambassador records a conversation about troop withdrawals.");
}

TEST(ArchiveListing, DateEdtfIsLeftToTheDatesEnricher) {
  const auto records = ingest(kPlain);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].date_edtf(), "");
}

TEST(ArchiveListing, TextIsTitleBlankLineSummary) {
  const auto records = ingest(kPlain);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].text(),
            "Report on the Party Congress Materials\n\n"
            "The embassy reports on how the materials were distributed.");
}

TEST(ArchiveListing, BulletedLayoutWithIndentedSummaries) {
  const auto records = ingest(kBulleted);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].date_surface(), "Jan. 3, 1962");
  EXPECT_EQ(records[0].title(), "Report on the Congress");
  EXPECT_EQ(records[0].summary(), "The embassy reports on the Congress.");
  EXPECT_EQ(records[1].date_surface(), "June 1960");
  EXPECT_EQ(records[1].title(), "Speech at a Reception");
  EXPECT_EQ(records[1].summary(), "A speech thanking the specialists.");
}

TEST(ArchiveListing, CompactLayoutWithoutBlankLines) {
  const auto records = ingest(
      "12 results\n"
      "March 14, 1957\nTelegram on the Food Situation\nThe ambassador reports\non a shortfall.\n"
      "October 5, 1956\nRecord of a Conversation\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].summary(), "The ambassador reports on a shortfall.");
  EXPECT_EQ(records[1].title(), "Record of a Conversation");
  EXPECT_EQ(records[1].summary(), "");
}

TEST(ArchiveListing, WrappedTitleInParagraphLayoutIsJoined) {
  const auto records = ingest(
      "1 - 2 of 2\n\nMay 2, 1958\n\nJournal of the Ambassador\nfor 2 May 1958\n\nSummary one.\n\n"
      "1960\n\nSpeech\n\nSummary two.\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].title(), "Journal of the Ambassador for 2 May 1958");
  EXPECT_EQ(records[0].summary(), "Summary one.");
  EXPECT_EQ(records[1].date_surface(), "1960");
}

TEST(ArchiveListing, MissingSummariesLeaveSummaryEmpty) {
  const auto records = ingest(
      "Results: 1 - 3 of 3\n\n"
      "May 2, 1958\n\nJournal of the Ambassador\n\n"
      "June 1960\n\nSpeech at a Reception\n\nA speech thanking the specialists.\n\n"
      "1962\n\nNote on the Leadership\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].summary(), "");
  EXPECT_EQ(records[0].text(), "Journal of the Ambassador");
  EXPECT_EQ(records[1].summary(), "A speech thanking the specialists.");
  EXPECT_EQ(records[2].title(), "Note on the Leadership");
  EXPECT_EQ(records[2].summary(), "");
  EXPECT_THAT(records[2].warnings(), IsEmpty());
}

TEST(ArchiveListing, BulletedHitWithoutSummary) {
  const auto records = ingest(
      "Showing 1-2 of 2 results\n\n- 1962-01-03 - First note\n- 1963-02-04 - Second note\n"
      "    Its summary.\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].summary(), "");
  EXPECT_EQ(records[1].summary(), "Its summary.");
}

// ------------------------------------------------------ count and range

TEST(ArchiveListing, TotalAndRangeOnEveryEntry) {
  const auto records = ingest(kPlain);
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(meta(records[i], "listing_total"), "3");
    EXPECT_EQ(meta(records[i], "listing_first"), "1");
    EXPECT_EQ(meta(records[i], "listing_last"), "3");
    EXPECT_EQ(meta(records[i], "listing_rank"), std::to_string(i + 1));
    EXPECT_THAT(records[i].warnings(), IsEmpty());
  }
}

TEST(ArchiveListing, TotalSplitOverLinesAfterResultsLabel) {
  const auto records = ingest(kPlain);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(meta(records[0], "listing_total"), "3");
}

TEST(ArchiveListing, EnDashRangeAndQuery) {
  const auto records = ingest(kBulleted);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(meta(records[0], "listing_total"), "2");
  EXPECT_EQ(meta(records[0], "listing_last"), "2");
  EXPECT_EQ(meta(records[1], "listing_query"), "Choe Chang-ik");
}

TEST(ArchiveListing, RankCountsFromTheFirstHitOfThePage) {
  const auto records = ingest(
      "Results 11 to 12 of 57\n\nMay 2, 1958\n\nFirst title\n\nJune 3, 1959\n\nSecond title\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(meta(records[0], "listing_rank"), "11");
  EXPECT_EQ(meta(records[1], "listing_rank"), "12");
  EXPECT_EQ(meta(records[1], "listing_total"), "57");
}

TEST(ArchiveListing, TotalOnlyGivesRankWhenAllHitsAreOnThePage) {
  const auto all =
      ingest("2 results\n\nMay 2, 1958\n\nFirst title\n\nJune 3, 1959\n\nSecond title\n");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(meta(all[1], "listing_rank"), "2");
  EXPECT_EQ(meta(all[1], "listing_first"), "<absent>");
  const auto some =
      ingest("45 results\n\nMay 2, 1958\n\nFirst title\n\nJune 3, 1959\n\nSecond title\n");
  ASSERT_EQ(some.size(), 2u);
  EXPECT_EQ(meta(some[1], "listing_total"), "45");
  EXPECT_EQ(meta(some[1], "listing_rank"), "<absent>");
  EXPECT_THAT(some[1].warnings(), IsEmpty());
}

TEST(ArchiveListing, CountMismatchWarnsOnEveryEntry) {
  const auto records =
      ingest("1 - 10 of 11\n\nMay 2, 1958\n\nFirst title\n\nJune 3, 1959\n\nSecond title\n");
  ASSERT_EQ(records.size(), 2u);
  for (const auto& r : records) {
    ASSERT_EQ(r.warnings().size(), 1u);
    EXPECT_THAT(std::string(r.warnings()[0]), HasSubstr("2 hits found"));
    EXPECT_THAT(std::string(r.warnings()[0]), HasSubstr("announces 10"));
  }
}

TEST(ArchiveListing, ImpossibleRangeWarnsAndGivesNoRank) {
  const auto records = ingest("Results 9 - 3 of 11\n\nMay 2, 1958\n\nFirst title\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(meta(records[0], "listing_total"), "11");
  EXPECT_EQ(meta(records[0], "listing_rank"), "<absent>");
  ASSERT_EQ(records[0].warnings().size(), 1u);
  EXPECT_THAT(std::string(records[0].warnings()[0]), HasSubstr("impossible range"));
}

TEST(ArchiveListing, NoCountLineMeansNoCountMetadata) {
  const auto records = ingest("May 2, 1958\n\nFirst title\n\nJune 3, 1959\n\nSecond title\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].count(OPIS_LIST_METADATA), 0u);
}

TEST(ArchiveListing, QueryFromTheCountLine) {
  const auto records =
      ingest("Showing 1 of 1 result for \"famine\"\n\n1957\n\nTelegram on the Food Situation\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(meta(records[0], "listing_query"), "famine");
  EXPECT_EQ(meta(records[0], "listing_rank"), "1");
}

// ------------------------------------------------------- boilerplate

TEST(ArchiveListing, BoilerplateLinesNeverBecomeHits) {
  const auto records = ingest(
      "Skip to content\n\nResults: 1 - 1 of 1\n\nSort by: Date\n\nResults per page: 10\n\n"
      "Filters: 1962\n\nMay 2, 1958\n\nDocuments\n\nJune 3, 1959\n\nReal title\n\n"
      "Pagination\n\nNext\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].title(), "Real title");
  EXPECT_EQ(records[0].summary(), "");
}

TEST(ArchiveListing, BoilerplateAfterTheLastHitIsNotItsSummary) {
  const auto records = ingest("1 - 1 of 1\n\nMay 2, 1958\nTitle\nSort by: Relevance\nPagination\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].summary(), "");
}

TEST(ArchiveListing, ConfiguredBoilerplateIsIgnoredToo) {
  const std::string text = "1 - 1 of 1\n\nMay 2, 1958\n\nTitle\n\nBack to the collection\n";
  const auto plain = ingest(text);
  const auto configured = ingest(text, R"({"boilerplate": ["back to the*"]})");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(configured.size(), 1u);
  EXPECT_EQ(plain[0].summary(), "Back to the collection");
  EXPECT_EQ(configured[0].summary(), "");
}

TEST(ArchiveListing, BoilerplateFilesExtendTheList) {
  opis::test_files::TempDir dir;
  const auto file = dir.write("more.txt", "# ours\nPrinted from the reading room\n");
  const auto records = ingest(
      "1 - 1 of 1\n\nMay 2, 1958\n\nTitle\n\nPrinted from the reading room\n",
      R"({"boilerplate_files": [)" +
          opis::testing::json::dump(opis::testing::json::Value::string_value(file.string())) +
          "]}");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].summary(), "");
}

TEST(ArchiveListing, UnreadableBoilerplateFileStopsTheStart) {
  try {
    listing_ingester(R"({"boilerplate_files": ["/nonexistent/boilerplate.txt"]})");
    FAIL() << "started with a missing file";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/boilerplate.txt"));
  }
}

TEST(ArchiveListing, UnknownConfigKeyIsRefused) {
  EXPECT_ANY_THROW(listing_ingester(R"({"no_such_key": true})"));
}

TEST(ArchiveListing, KindFollowsTheConfig) {
  const auto records = ingest(kPlain, R"({"kind": "hit"})");
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].kind(), "hit");
}

// ------------------------------------------------------------- probe

TEST(ArchiveListing, ProbeIsHighForACountLine) {
  auto ingester = listing_ingester();
  EXPECT_GE(ingester.probe(kPlain), 80);
  EXPECT_GE(ingester.probe(kBulleted), 80);
}

TEST(ArchiveListing, ProbeIsHighForTwoHitsInARowWithoutCount) {
  auto ingester = listing_ingester();
  EXPECT_GE(ingester.probe("May 2, 1958\n\nFirst title\n\nA summary.\n\n"
                           "June 3, 1959\n\nSecond title\n\nAnother summary.\n"),
            80);
}

TEST(ArchiveListing, ProbeIsLowForARecordPage) {
  auto ingester = listing_ingester();
  const std::string record =
      "Skip to content\n\nJanuary 3, 1962\n\nInformation on the Attitude of the Party\n\n"
      "A long body paragraph about the congress and its materials.\n\n"
      "Another paragraph of the body.\n\nDocument Information\n\nSource\n\nCentral State "
      "Archive, Sofia, Fond 1-B, Opis 33.\n";
  EXPECT_LE(ingester.probe(record), 5);
  EXPECT_LE(ingester.probe("January 3, 1962\n\nA title\n\nA long body paragraph.\n"), 5);
}

TEST(ArchiveListing, ProbeIsLowForPlainText) {
  auto ingester = listing_ingester();
  EXPECT_LE(ingester.probe("Dear colleague,\n\nthe meeting is on Tuesday.\n"), 5);
  EXPECT_LE(ingester.probe(std::string("bin\0ary", 7)), 5);
  EXPECT_LE(ingester.probe(""), 5);
}

// ------------------------------------------------------------- errors

TEST(ArchiveListing, ListingWithoutHitsIsRefused) {
  EXPECT_THAT(refusal("Results: 1 - 10 of 11\n\nDocuments\n\nPagination\n"),
              HasSubstr("looks like a listing"));
}

TEST(ArchiveListing, TextWithoutHitsIsRefused) {
  EXPECT_THAT(refusal("Dear colleague,\nthe meeting is on Tuesday.\n"), HasSubstr("not a listing"));
}

TEST(ArchiveListing, RecordPageIsRefused) {
  EXPECT_THAT(refusal("January 3, 1962\n\nA title\n\nBody.\n\nDocument Information\n\nSource\n"),
              HasSubstr("record page"));
}

TEST(ArchiveListing, HostileInputIsRefusedWithAReason) {
  EXPECT_THAT(refusal(""), HasSubstr("empty"));
  EXPECT_THAT(refusal(" \n\n\t"), HasSubstr("whitespace"));
  EXPECT_THAT(refusal(std::string("1 - 1 of 1\n\0", 12)), HasSubstr("NUL byte"));
  EXPECT_THAT(refusal("1 - 1 of 1\n\nMay 2, 1958\n\nTitle \xff\n"), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(refusal(std::string(1 << 22, 'x')), HasSubstr("not a listing"));
  EXPECT_THAT(refusal(std::string(1 << 20, '\n') + "1 - 1 of 1"), HasSubstr("looks like"));
}

TEST(ArchiveListing, CrlfAndByteOrderMarkAreAccepted) {
  const auto records = ingest(
      "\xEF\xBB\xBF"
      "1 - 1 of 1\r\n\r\nMay 2, 1958\r\n\r\nTitle\r\n\r\nSummary.\r\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].title(), "Title");
  EXPECT_EQ(records[0].summary(), "Summary.");
}

}  // namespace
